package org.dxaflow.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Test side of the syslog wire: an RFC 5424 frame taken apart, its XML parsed and validated, and a UDP collector. */
final class SyslogFrames {

    private SyslogFrames() {
    }

    /** PRI VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG (RFC 5424 6). */
    private static final Pattern HEADER = Pattern.compile(
            "<(\\d{1,3})>(\\d) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (-|\\[.*?\\]) (.*)", Pattern.DOTALL);

    record Frame(int pri, String version, String timestamp, String host, String app, String procId, String msgId,
                 String structuredData, String msg, Document xml) {

        int facility() {
            return pri / 8;
        }

        int severity() {
            return pri % 8;
        }

        Element eventIdentification() {
            return first(xml.getDocumentElement(), "EventIdentification");
        }

        String eventId() {
            return first(eventIdentification(), "EventID").getAttribute("csd-code");
        }

        String outcome() {
            return eventIdentification().getAttribute("EventOutcomeIndicator");
        }

        /** The ActiveParticipant with UserIsRequestor true. */
        Element requestor() {
            return all(xml.getDocumentElement(), "ActiveParticipant").stream()
                    .filter(p -> p.getAttribute("UserIsRequestor").equals("true")).findFirst().orElseThrow();
        }

        List<Element> objects() {
            return all(xml.getDocumentElement(), "ParticipantObjectIdentification");
        }
    }

    /** Takes a frame apart and parses and validates its XML against the PS3.15 A.5.1 structure. */
    static Frame parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Matcher m = HEADER.matcher(text);
        if (!m.matches()) {
            throw new AssertionError("not an RFC 5424 message: " + text);
        }
        Document xml = xml(m.group(9));
        return new Frame(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6),
                m.group(7), m.group(8), m.group(9), xml);
    }

    static Document xml(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            schema().newValidator().validate(new DOMSource(doc));
            return doc;
        } catch (Exception e) {
            throw new AssertionError("the audit message is not valid PS3.15 A.5.1 XML (" + e.getMessage() + "): "
                    + text, e);
        }
    }

    private static Schema schema() throws Exception {
        try (InputStream in = SyslogFrames.class.getResourceAsStream("dicom-audit-message.xsd")) {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(new javax.xml.transform.stream.StreamSource(in));
        }
    }

    static Element first(Element parent, String name) {
        List<Element> found = all(parent, name);
        if (found.isEmpty()) {
            throw new AssertionError("no " + name + " in " + parent.getTagName());
        }
        return found.get(0);
    }

    static List<Element> all(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** A syslog server on UDP (RFC 5426) at 127.0.0.1 that keeps every datagram it receives. */
    static final class UdpCollector implements AutoCloseable {
        private final DatagramSocket socket;
        private final List<byte[]> received = new CopyOnWriteArrayList<>();
        private final Thread thread;

        UdpCollector() {
            try {
                socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            thread = new Thread(this::receive, "test-syslog-udp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        List<byte[]> received() {
            return received;
        }

        List<Frame> frames() {
            return received.stream().map(SyslogFrames::parse).toList();
        }

        private void receive() {
            byte[] buffer = new byte[65_535];
            while (!socket.isClosed()) {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(p);
                } catch (IOException e) {
                    return;
                }
                received.add(java.util.Arrays.copyOf(p.getData(), p.getLength()));
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
