/**
 * Service-class SPI and clients.
 *
 * <p>Server side: build a {@link org.dxaflow.dicom.dimse.service.ServiceRegistry} mapping abstract
 * syntax UIDs to {@link org.dxaflow.dicom.dimse.service.ServiceClassProvider}s (ready adaptors:
 * {@link org.dxaflow.dicom.dimse.service.VerificationScp}, {@link org.dxaflow.dicom.dimse.service.FindScp}
 * with a {@link org.dxaflow.dicom.dimse.service.FindHandler}, {@link org.dxaflow.dicom.dimse.service.NormalizedScp}
 * with a {@link org.dxaflow.dicom.dimse.service.NormalizedHandler}, and {@code storage.StorageScp}),
 * then {@link org.dxaflow.dicom.dimse.service.DimseAcceptorServices#server}. Each association reads
 * on one thread and executes requests on another, so providers can stream pending responses and see
 * C-CANCEL while they run.
 *
 * <p>Client side: {@link org.dxaflow.dicom.dimse.service.DimseClient} (generic request/response),
 * {@link org.dxaflow.dicom.dimse.service.EchoScu}.
 */
package org.dxaflow.dicom.dimse.service;
