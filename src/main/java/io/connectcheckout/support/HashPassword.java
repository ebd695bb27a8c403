package io.connectcheckout.support;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Prints the bcrypt hash of a password for {@code checkout.operator.password-hash}:
 * {@code java -cp "target/quarkus-app/lib/main/*:target/quarkus-app/app/*" io.connectcheckout.support.HashPassword 'secret'}.
 */
public final class HashPassword {

    private HashPassword() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0].length() < 12) {
            System.err.println("usage: HashPassword <password of at least 12 characters>");
            System.exit(2);
        }
        System.out.println(BcryptUtil.bcryptHash(args[0]));
    }
}
