package org.dxaflow.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/** MLLP framing for the test peers that play a RIS or a GP system: VT, message, FS, CR. */
public final class MllpFrames {

    private MllpFrames() {
    }

    /** The next message on the stream, or null when the sender hung up before a whole one. */
    public static String read(InputStream in, Charset charset) throws IOException {
        int b;
        while ((b = in.read()) != 0x0b) {
            if (b < 0) {
                return null;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while ((b = in.read()) != 0x1c) {
            if (b < 0) {
                return null;
            }
            body.write(b);
        }
        in.read();
        return body.toString(charset);
    }

    public static byte[] frame(String text, Charset charset) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x0b);
        b.writeBytes(text.getBytes(charset));
        b.write(0x1c);
        b.write(0x0d);
        return b.toByteArray();
    }
}
