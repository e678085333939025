/**
 * Order status messages to the RIS (docs/hl7-conformance.md section 4): built per status change in
 * the order's HL7 version ({@link org.dxaflow.ris.RisStatusMessages}), moved from the database onto
 * the durable outbound queue ({@link org.dxaflow.ris.RisOutbox}) and sent over MLLP with the ACK
 * checked ({@link org.dxaflow.ris.RisLink}); routes in {@code routes/ris-status.camel.yaml}.
 */
package org.dxaflow.ris;
