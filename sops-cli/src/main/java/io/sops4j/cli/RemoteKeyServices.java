package io.sops4j.cli;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeyService;
import io.sops4j.keys.KeySources;
import java.lang.reflect.InvocationTargetException;
import java.util.function.BiPredicate;

/**
 * The gRPC key service of {@code sops-keyservice}, reached through the class loader of the
 * optional libraries ({@code lib/kms/} of an installation), so that commands naming no key
 * service never load gRPC.
 */
final class RemoteKeyServices {

    private static final String CLIENT = "io.sops4j.keyservice.KeyServiceClient";
    private static final String SERVER = "io.sops4j.keyservice.KeyServiceServer";

    private RemoteKeyServices() {
    }

    static KeyService connect(String uri) {
        return (KeyService) call(CLIENT, "connect", new Class<?>[] {String.class, KeySources.class}, uri, CliKeySources.get());
    }

    /** A running server; its {@code close()} stops it. */
    static AutoCloseable serve(String network, String address, KeyEnvironment environment, BiPredicate<String, String> approval) {
        return (AutoCloseable) call(SERVER, "start",
                new Class<?>[] {String.class, String.class, KeySources.class, KeyEnvironment.class, BiPredicate.class},
                network, address, CliKeySources.get(), environment, approval);
    }

    /** What the server's {@code uri()} says, for example {@code tcp://127.0.0.1:5000}. */
    static String uri(AutoCloseable server) {
        try {
            return (String) server.getClass().getMethod("uri").invoke(server);
        } catch (ReflectiveOperationException e) {
            throw unavailable(e);
        }
    }

    private static Object call(String className, String method, Class<?>[] types, Object... arguments) {
        try {
            Class<?> type = Class.forName(className, true, CliKeySources.optionalClasses());
            return type.getMethod(method, types).invoke(null, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw unavailable(e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw unavailable(e);
        }
    }

    private static SopsException unavailable(Throwable cause) {
        return new SopsException(ExitCode.GENERIC, "the key service support (sops-keyservice) is not installed: " + cause, cause);
    }
}
