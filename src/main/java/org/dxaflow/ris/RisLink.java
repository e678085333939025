package org.dxaflow.ris;

import java.io.IOException;
import org.dxaflow.hl7.Er7Message;
import org.dxaflow.hl7.Hl7FormatException;
import org.dxaflow.hl7.MllpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one status message to the RIS over MLLP and checks its original-mode acknowledgement: done
 * only on MSA-1 = AA for this message's control ID (MSA-2). AE, AR, an ACK for another message, a
 * closed connection or no answer within the timeout are {@link RisDeliveryException}s.
 */
public final class RisLink {

    private static final Logger LOG = LoggerFactory.getLogger(RisLink.class);

    private final RisSettings settings;

    public RisLink(RisSettings settings) {
        this.settings = settings;
    }

    /** Returns the acknowledgement code (AA) once the RIS has accepted the message. */
    public String send(String message) {
        String controlId = Er7Message.parse(message).msh().value(10);
        String ack;
        try (MllpClient client = new MllpClient(settings.host(), settings.port(), settings.timeoutMs())) {
            ack = client.send(message);
        } catch (IOException e) {
            LOG.warn("Status message {} not delivered to the RIS: {}", controlId, e.toString());
            throw new RisDeliveryException("No acknowledgement from the RIS for " + controlId + ": " + e, e);
        }
        String code = check(ack, controlId);
        LOG.info("Status message {} accepted by the RIS ({})", controlId, code);
        return code;
    }

    /** The ACK's code when it is AA for {@code controlId}; else why not. */
    static String check(String ack, String controlId) {
        Er7Message.Segment msa;
        try {
            msa = Er7Message.parse(ack).first("MSA")
                    .orElseThrow(() -> new RisDeliveryException("The RIS answered " + controlId + " without an MSA"));
        } catch (Hl7FormatException e) {
            throw new RisDeliveryException("The RIS answered " + controlId + " with no readable ACK: " + e.getMessage());
        }
        String code = msa.value(1);
        if (!controlId.equals(msa.value(2))) {
            throw new RisDeliveryException("The RIS acknowledged control id '" + msa.value(2) + "' instead of "
                    + controlId);
        }
        if (!"AA".equals(code)) {
            LOG.warn("Status message {} answered {} by the RIS", controlId, code);
            throw new RisDeliveryException("The RIS answered " + code + " to " + controlId);
        }
        return code;
    }
}
