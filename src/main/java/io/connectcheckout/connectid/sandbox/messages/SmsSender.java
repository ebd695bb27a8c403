package io.connectcheckout.connectid.sandbox.messages;

/** Sends one SMS. Implementations throw on failure; the outbox retries. */
public interface SmsSender {

    void send(String to, String text);
}
