package org.dxaflow.hl7.mllp;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.component.mllp.MllpComponent;
import org.apache.camel.component.mllp.MllpConfiguration;
import org.apache.camel.component.mllp.MllpEndpoint;

/** An MLLP endpoint whose listener is a {@link GuardedMllpConsumer}; producers are camel-mllp's own. */
final class GuardedMllpEndpoint extends MllpEndpoint {

    private final int maxConnectionsPerAddress;
    private final int maxMessageBytes;

    GuardedMllpEndpoint(String uri, MllpComponent component, MllpConfiguration configuration,
            int maxConnectionsPerAddress, int maxMessageBytes) {
        super(uri, component, configuration);
        this.maxConnectionsPerAddress = maxConnectionsPerAddress;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = new GuardedMllpConsumer(this, processor, maxConnectionsPerAddress, maxMessageBytes);
        configureConsumer(consumer);
        return consumer;
    }
}
