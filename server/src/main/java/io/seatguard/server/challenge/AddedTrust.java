package io.seatguard.server.challenge;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS sockets that trust the JVM's authorities and the operator's added ones
 * ({@link io.seatguard.server.config.AddedAuthorities}). One key store holds both, and the JDK's own PKIX
 * trust manager checks against it: no trust logic of ours, and the host name check (the mail library's)
 * stays as it was.
 */
final class AddedTrust {
    private AddedTrust() {}

    static SSLSocketFactory socketFactory(List<X509Certificate> added) {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (X509Certificate jvms : jvmAuthorities()) {
                anchors.setCertificateEntry("jvm-" + n++, jvms);
            }
            for (X509Certificate operators : added) {
                anchors.setCertificateEntry("added-" + n++, operators);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context.getSocketFactory();
        }
        catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the JVM cannot make a TLS context with the added authorities", e);
        }
    }

    /** The authorities the JVM trusts by default (its cacerts, or the trust store it was started with). */
    private static X509Certificate[] jvmAuthorities() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }
}
