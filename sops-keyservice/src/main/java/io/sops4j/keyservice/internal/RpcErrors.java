package io.sops4j.keyservice.internal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Locale;

/** gRPC failures in the words of upstream's Go client: {@code rpc error: code = Unavailable desc = ...}. */
public final class RpcErrors {

    private RpcErrors() {
    }

    public static String describe(StatusRuntimeException e) {
        Status status = e.getStatus();
        StringBuilder description = new StringBuilder(status.getDescription() == null ? "" : status.getDescription());
        if (status.getCause() != null && status.getCause().getMessage() != null) {
            description.append(description.length() == 0 ? "" : ": ").append(status.getCause().getMessage());
        }
        return "rpc error: code = " + goName(status.getCode()) + " desc = " + description;
    }

    /** Go's names of the codes: {@code UNAVAILABLE} is {@code Unavailable}, {@code CANCELLED} {@code Canceled}. */
    static String goName(Status.Code code) {
        if (code == Status.Code.CANCELLED) {
            return "Canceled";
        }
        StringBuilder name = new StringBuilder();
        for (String word : code.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }
}
