package io.connectcheckout.web;

import io.connectcheckout.common.UniqueKeys;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * The one place that says what kind of failure an exception is, by its type and its cause chain —
 * never by its message text. Everything that has to tell "try again", "a dependency is down" and
 * "the client's fault" apart asks here.
 */
public final class Failures {

    /** Where RESTEasy Reactive decodes form bodies and paths; what it cannot decode it refuses from there. */
    private static final String URL_DECODER = "org.jboss.resteasy.reactive.common.util.URLUtils";
    /** Netty's HTTP codec: what it throws is about the bytes on the wire (chunk sizes, line lengths). */
    private static final String HTTP_CODEC = "io.netty.handler.codec.http.";
    /** Where RESTEasy Reactive reads a request body, and where it parses a multipart one. */
    private static final String BODY_STREAM = "org.jboss.resteasy.reactive.server.vertx.VertxInputStream";
    /** RESTEasy's form parser, which refuses a form of more than 1000 fields with a plain RuntimeException. */
    private static final String FORM_DATA = "org.jboss.resteasy.reactive.server.core.multipart.FormData";
    private static final String MULTIPART_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    private Failures() {
    }

    /** A failure that means "someone else changed the same thing at the same moment: look again". */
    public interface ConcurrentChange {
    }

    /** {@code e} and its causes, outermost first, each once (cause cycles end the chain). */
    public static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /**
     * Another transaction moved the same row at the same time (optimistic or pessimistic lock lost,
     * a PostgreSQL deadlock or serialization failure, SQLState 40P01/40001), or an outside system
     * said the same (a {@link ConcurrentChange}): the caller reads again and decides again.
     */
    public static boolean isConcurrentChange(Throwable e) {
        return causes(e).stream().anyMatch(t -> t instanceof jakarta.persistence.OptimisticLockException
                || t instanceof org.hibernate.StaleStateException
                || t instanceof jakarta.persistence.PessimisticLockException
                || t instanceof org.hibernate.exception.LockAcquisitionException
                || t instanceof ConcurrentChange
                || t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState())));
    }

    /** A unique key refused the row (SQLState 23505): it exists already. Shared with the stand-ins ({@link UniqueKeys}). */
    public static boolean isDuplicateKey(Throwable e) {
        return UniqueKeys.refused(e);
    }

    /**
     * A dependency is down or overloaded, nothing the client did: the database (connection lost,
     * SQLState classes 08 and 57P, no pooled connection within the acquisition timeout), a lock
     * wait, an open circuit or a timeout of fault tolerance, a refused connection.
     */
    public static boolean isUnavailable(Throwable e) {
        return causes(e).stream().anyMatch(t -> t instanceof JDBCConnectionException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException
                || t instanceof jakarta.ws.rs.ServiceUnavailableException
                || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException
                || t instanceof jakarta.persistence.PessimisticLockException
                || t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isPoolTimeout(sql)));
    }

    /**
     * A request the framework could not even decode (broken percent-encoding, a charset parameter
     * that names no charset this JVM has), or a value the database refuses as data (SQLState class
     * 22, e.g. a NUL byte in PostgreSQL): the client's fault.
     *
     * <p>Our own code names charsets only through {@link java.nio.charset.StandardCharsets}, so a
     * charset name the JVM refuses ({@code charset='utf-8'}, {@code charset=bogus-1}) came from a
     * request's {@code Content-Type}.
     */
    public static boolean isMalformedRequest(Throwable e) {
        return isBrokenRequest(e) || causes(e).stream().anyMatch(t -> t instanceof org.hibernate.exception.DataException
                || t instanceof java.nio.charset.IllegalCharsetNameException
                || t instanceof java.nio.charset.UnsupportedCharsetException
                || t instanceof IllegalArgumentException && thrownBy(t, URL_DECODER)
                || thrownBy(t, FORM_DATA));
    }

    /**
     * The request's bytes ended or broke while they were being read: the client closed the
     * connection, or sent a body shorter than its {@code Content-Length}, chunks or a multipart
     * body the HTTP codec could not frame. Nobody is left to answer, and it is not our error.
     */
    public static boolean isBrokenRequest(Throwable e) {
        return causes(e).stream().anyMatch(t -> t instanceof io.vertx.core.http.HttpClosedException
                || t instanceof java.nio.channels.ClosedChannelException
                || t instanceof io.netty.handler.codec.DecoderException
                || t instanceof io.netty.handler.codec.TooLongFrameException
                || thrownBy(t, HTTP_CODEC)
                || t instanceof java.io.IOException && (thrownBy(t, BODY_STREAM) || thrownBy(t, MULTIPART_PARSER)));
    }

    /** Whether the top frame of {@code t}'s stack is in a class whose name starts with {@code prefix}. */
    private static boolean thrownBy(Throwable t, String prefix) {
        StackTraceElement[] stack = t.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith(prefix);
    }

    /** No connection was ever made (refused, no route, unknown host): the request never left. */
    public static boolean neverConnected(Throwable e) {
        return causes(e).stream().anyMatch(t -> t instanceof ConnectException || t instanceof UnknownHostException
                || t instanceof NoRouteToHostException);
    }

    private static boolean isConnectionState(String state) {
        // Connection exceptions (08…) and a server shutting down or starting up (57P01–57P03).
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** Agroal's "no connection within the acquisition timeout": an SQLException caused by a TimeoutException. */
    private static boolean isPoolTimeout(SQLException sql) {
        return sql.getCause() instanceof java.util.concurrent.TimeoutException;
    }
}
