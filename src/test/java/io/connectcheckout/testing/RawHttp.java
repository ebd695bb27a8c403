package io.connectcheckout.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes to the application under test over a plain socket, exactly as given: for requests
 * no HTTP client library would send (broken framing, duplicate or malformed headers, illegal
 * request targets). Reads back only the status line of the first answer.
 */
public final class RawHttp {

    /** The first answer's status code, or {@link #CLOSED} when the server closed without one. */
    public record Answer(int status, String statusLine) {
        public boolean closed() {
            return status == CLOSED;
        }
    }

    /** The server closed the connection (or reset it) without answering. */
    public static final int CLOSED = -1;

    /** How long a read may block: a safety net against a server waiting for bytes that never come, not a timing. */
    private static final int READ_TIMEOUT_MS = 15_000;

    private RawHttp() {
    }

    /** The request line and headers as given (lines joined by CRLF, a blank line added), then the body. */
    public static byte[] request(String head, byte[] body) {
        byte[] top = (head.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[top.length + body.length];
        System.arraycopy(top, 0, all, 0, top.length);
        System.arraycopy(body, 0, all, top.length, body.length);
        return all;
    }

    /** Sends the bytes and reads the first status line (the request should say {@code Connection: close}). */
    public static Answer send(int port, byte[] bytes) {
        return send(port, bytes, false);
    }

    /**
     * Sends the bytes, then, with {@code endInput}, half-closes the connection: a server waiting
     * for more body than was sent sees its end instead of waiting. Reads the first status line.
     */
    public static Answer send(int port, byte[] bytes, boolean endInput) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                if (endInput) {
                    socket.shutdownOutput();
                }
            } catch (SocketException answeredEarly) {
                // The server answered (e.g. 413/431) and closed before reading everything: read that answer.
            }
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + READ_TIMEOUT_MS + " ms for "
                    + new String(bytes, 0, Math.min(200, bytes.length), StandardCharsets.ISO_8859_1), e);
        } catch (IOException e) {
            return new Answer(CLOSED, e.toString());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        try {
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
        } catch (SocketException reset) {
            // a reset after (or instead of) the answer
        }
        String status = line.toString(StandardCharsets.ISO_8859_1).trim();
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return new Answer(CLOSED, status);
        }
        try {
            return new Answer(Integer.parseInt(parts[1]), status);
        } catch (NumberFormatException e) {
            return new Answer(CLOSED, status);
        }
    }
}
