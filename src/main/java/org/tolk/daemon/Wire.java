package org.tolk.daemon;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What client and daemon say to each other over the socket. The client sends one {@link Request}
 * (length-prefixed); the daemon answers with frames: a type byte, a length, the bytes. Both ends are
 * always the same jar (the daemon's socket is named after it), so the version is a safeguard only.
 */
final class Wire {
    static final int MAGIC = 0x544f4c44; // "TOLD"
    static final int VERSION = 1;

    /** Frame types, daemon to client. */
    static final byte OUT = 'O';
    static final byte ERR = 'E';
    static final byte EXIT = 'X';

    /** Request kinds. */
    static final byte BUILD = 'B';
    static final byte STATUS = 'S';
    static final byte STOP = 'Q';

    private Wire() {
    }

    /**
     * A command for the daemon.
     *
     * @param workingDirectory the client's: relative paths on the command line are resolved against it
     * @param terminal         whether the client's output is a terminal (the progress line is shown then)
     * @param charset          the client's console encoding: what it prints is encoded as it would encode it
     */
    record Request(byte kind, String workingDirectory, boolean terminal, String charset, List<String> args) {
        byte[] encode() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeByte(kind);
            writeText(out, workingDirectory);
            out.writeBoolean(terminal);
            writeText(out, charset);
            out.writeInt(args.size());
            for (String arg : args) {
                writeText(out, arg);
            }
            out.flush();
            byte[] body = bytes.toByteArray();
            return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
        }

        /** Sends this request whole over {@code channel} (blocking). */
        void send(SocketChannel channel) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(encode());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        static Request read(SocketChannel channel) throws IOException {
            int length = readFully(channel, 4).getInt();
            if (length < 0 || length > 16 << 20) {
                throw new IOException("not a Tolk request");
            }
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(readFully(channel, length).array()));
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a Tolk request of this version");
            }
            byte kind = in.readByte();
            String workingDirectory = readText(in);
            boolean terminal = in.readBoolean();
            String charset = readText(in);
            int count = in.readInt();
            List<String> args = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                args.add(readText(in));
            }
            return new Request(kind, workingDirectory, terminal, charset, List.copyOf(args));
        }
    }

    /** Writes one frame; {@code channel} is in blocking mode, so write returns when all is sent or fails. */
    static void frame(SocketChannel channel, byte type, byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(5 + length).put(type).putInt(length).put(bytes, offset, length).flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    static void exit(SocketChannel channel, int code) throws IOException {
        frame(channel, EXIT, ByteBuffer.allocate(4).putInt(code).array(), 0, 4);
    }

    /**
     * Copies the daemon's frames to {@code out} and {@code err} until its exit frame and returns the exit
     * code; EOFException if the daemon went away first.
     */
    static int relay(InputStream from, OutputStream out, OutputStream err) throws IOException {
        DataInputStream in = new DataInputStream(from);
        byte[] buffer = new byte[8192];
        boolean answered = false;
        while (true) {
            int type = in.read();
            if (type < 0) {
                throw answered ? new EOFException("the daemon closed the connection") : new NoAnswer();
            }
            answered = true;
            int length = in.readInt();
            if (type == EXIT) {
                return in.readInt();
            }
            OutputStream to = type == OUT ? out : err;
            while (length > 0) {
                int n = in.read(buffer, 0, Math.min(buffer.length, length));
                if (n < 0) {
                    throw new EOFException("the daemon closed the connection");
                }
                to.write(buffer, 0, n);
                length -= n;
            }
            to.flush();
        }
    }

    /** The daemon closed the connection before answering at all: it was stopping, or could not read the request. */
    static final class NoAnswer extends EOFException {
        private static final long serialVersionUID = 1L;

        NoAnswer() {
            super("the daemon closed the connection without an answer");
        }
    }

    private static ByteBuffer readFully(SocketChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the client closed the connection");
            }
        }
        return buffer.flip();
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 20) {
            throw new IOException("damaged request");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
