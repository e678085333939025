/**
 * The {@code scanner-sim} command: a DXA scanner played against dxaflow's DICOM side (worklist
 * query, MPPS, result SR, C-STORE) for testing and demonstrations without a real scanner.
 * {@link org.dxaflow.sim.ScannerSimulator} holds the steps; {@link org.dxaflow.app.ScannerSimCommand}
 * parses the command line and prints each step.
 */
package org.dxaflow.sim;
