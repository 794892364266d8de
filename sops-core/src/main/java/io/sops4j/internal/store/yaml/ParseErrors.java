package io.sops4j.internal.store.yaml;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * The text of a YAML syntax error without the quoted input line the parser adds: that line may be
 * a secret of the file being encrypted. Only the problem and its position remain.
 */
final class ParseErrors {

    private ParseErrors() {
    }

    static String describe(RuntimeException error) {
        if (!(error instanceof MarkedYamlEngineException marked)) {
            return error.getMessage();
        }
        StringBuilder text = new StringBuilder();
        if (marked.getContext() != null) {
            text.append(marked.getContext()).append(position(marked.getContextMark().orElse(null))).append(": ");
        }
        text.append(marked.getProblem()).append(position(marked.getProblemMark().orElse(null)));
        return text.toString();
    }

    private static String position(Mark mark) {
        return mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }
}
