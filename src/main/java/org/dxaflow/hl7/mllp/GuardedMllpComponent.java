package org.dxaflow.hl7.mllp;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.component.mllp.MllpComponent;
import org.apache.camel.component.mllp.MllpConfiguration;
import org.apache.camel.component.mllp.MllpEndpoint;
import org.apache.camel.support.CamelContextHelper;

/**
 * camel-mllp with two limits of ours on its listeners: a cap on connections per remote address
 * (see {@link GuardedMllpConsumer}) and a maximum message size. Registered as the {@code mllp}
 * component, so routes keep their {@code mllp:} URIs and every camel-mllp option.
 *
 * <p>The size limit is camel-mllp's own buffer limit, with {@link BoundedMllpSocketBuffer} turning
 * "buffer full" into a reset connection, so an oversized message is never read whole and never
 * acknowledged. It is set here because camel-mllp 4.14.0 has no component-level option for it (and
 * {@code MllpConfiguration.copy} leaves the buffer sizes out).
 *
 * <p>The annotation names it {@code mllp} so Camel finds camel-mllp's generated property configurers
 * for it (they are looked up by that name): {@code camel.component.mllp.*} and the URI options apply.
 */
@org.apache.camel.spi.annotations.Component("mllp")
public final class GuardedMllpComponent extends MllpComponent {

    // the frame's start block, end block and carriage return are in the buffer with the message
    private static final int FRAME_BYTES = 3;

    private final int maxConnectionsPerAddress;
    private final int maxMessageBytes;

    public GuardedMllpComponent(int maxConnectionsPerAddress, int maxMessageBytes) {
        if (maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("maxConnectionsPerAddress must be at least 1");
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1024");
        }
        this.maxConnectionsPerAddress = maxConnectionsPerAddress;
        this.maxMessageBytes = maxMessageBytes;
    }

    // As MllpComponent.createEndpoint, with our endpoint class and our size limit.
    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MllpEndpoint endpoint = new GuardedMllpEndpoint(uri, this,
                hasConfiguration() ? getConfiguration().copy() : new MllpConfiguration(), maxConnectionsPerAddress,
                maxMessageBytes);
        // on the endpoint's own configuration: its constructor copies the one it is given
        endpoint.getConfiguration().setMaxBufferSize(maxMessageBytes + FRAME_BYTES);
        if (endpoint.getConfiguration().getSslContextParameters() == null) {
            endpoint.getConfiguration().setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        endpoint.setCharsetName(getDefaultCharset());
        int colon = remaining.indexOf(':');
        if (colon >= 0) {
            endpoint.setHostname(remaining.substring(0, colon));
            endpoint.setPort(CamelContextHelper.parseInt(getCamelContext(), remaining.substring(colon + 1)));
        } else {
            endpoint.setPort(CamelContextHelper.parseInt(getCamelContext(), remaining));
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
