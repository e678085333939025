/**
 * Storage transport (PS3.4 annex B): {@link org.dxaflow.dicom.dimse.storage.StorageScp} hands
 * received data sets to a {@link org.dxaflow.dicom.dimse.storage.StoreHandler} (default:
 * {@link org.dxaflow.dicom.dimse.storage.SpoolStoreHandler}, durable Part 10 files);
 * {@link org.dxaflow.dicom.dimse.storage.StoreScu} sends Part 10 files and reports typed
 * {@link org.dxaflow.dicom.dimse.storage.StoreFailure}s for retry decisions.
 */
package org.dxaflow.dicom.dimse.storage;
