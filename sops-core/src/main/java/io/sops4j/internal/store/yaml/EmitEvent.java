package io.sops4j.internal.store.yaml;

/** One event of yaml.v3's emitter, with the comments yaml.v3 attaches to events. */
final class EmitEvent {

    enum Type { STREAM_START, STREAM_END, DOCUMENT_START, DOCUMENT_END, MAPPING_START, MAPPING_END, SEQUENCE_START,
        SEQUENCE_END, SCALAR }

    final Type type;
    String value = "";
    /** Short tag such as {@code !!merge}, or empty when implicit. */
    String tag = "";
    ScalarAnalysis.Style style = ScalarAnalysis.Style.PLAIN;
    String headComment = "";
    String lineComment = "";
    String footComment = "";
    String tailComment = "";
    /** The analysis the encoder already made to choose the style, or null. */
    ScalarAnalysis analysis;

    EmitEvent(Type type) {
        this.type = type;
    }

    static EmitEvent scalar(String value, String tag, ScalarAnalysis.Style style) {
        EmitEvent event = new EmitEvent(Type.SCALAR);
        event.value = value;
        event.tag = tag;
        event.style = style;
        return event;
    }
}
