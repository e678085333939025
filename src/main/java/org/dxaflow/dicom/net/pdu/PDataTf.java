package org.dxaflow.dicom.net.pdu;

import java.util.List;

/** P-DATA-TF PDU (PS3.8 9.3.5): one or more PDV items. */
public record PDataTf(List<PresentationDataValue> pdvs) implements Pdu {
    public PDataTf {
        pdvs = List.copyOf(pdvs);
        if (pdvs.isEmpty()) {
            throw new IllegalArgumentException("P-DATA-TF needs at least one PDV");
        }
    }

    @Override
    public int type() {
        return TYPE_P_DATA_TF;
    }
}
