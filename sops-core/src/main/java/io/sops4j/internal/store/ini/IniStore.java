package io.sops4j.internal.store.ini;

import io.sops4j.error.ExitCode;
import io.sops4j.error.FormatException;
import io.sops4j.error.SopsException;
import io.sops4j.internal.go.GoFormat;
import io.sops4j.internal.go.GoJson;
import io.sops4j.internal.go.GoText;
import io.sops4j.internal.store.EncryptedDocument;
import io.sops4j.internal.store.MetadataFlattening;
import io.sops4j.internal.store.Store;
import io.sops4j.internal.text.RawText;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * INI files as upstream sops reads and writes them with gopkg.in/ini.v1: every section (the
 * implicit {@code DEFAULT} one first) is a top-level item whose value is a branch of string values;
 * a section comment is the first item of its branch and a key's comment follows the key. The
 * metadata is a last section {@code [sops]} of flattened keys ({@code pgp__list_0__map_enc}) whose
 * string values have newlines written as {@code \n}.
 */
public final class IniStore implements Store {

    static final String SOPS_SECTION = "sops";

    @Override
    public List<TreeBranch> loadPlain(byte[] input) {
        try {
            return List.of(toBranch(IniParser.parse(input), false));
        } catch (IniParser.IniSyntaxException e) {
            throw new FormatException("Could not unmarshal input data: " + e.getMessage());
        }
    }

    @Override
    public EncryptedDocument loadEncrypted(byte[] input) {
        IniFile file;
        try {
            file = IniParser.parse(input);
        } catch (IniParser.IniSyntaxException e) {
            throw new FormatException(e.getMessage());
        }
        IniFile.Section sops = null;
        for (IniFile.Section section : file.sections) {
            if (section.name.equals(SOPS_SECTION)) {
                sops = section;
                break;
            }
        }
        if (sops == null) {
            throw new FormatException("sops metadata not found");
        }
        TreeBranch flat = new TreeBranch();
        for (IniFile.Key key : sops.keys.values()) {
            flat.add(key.name, key.value.replace("\\n", "\n"));
        }
        TreeBranch metadata = MetadataFlattening.unflatten(flat, "");
        return new EncryptedDocument(List.of(toBranch(file, true)), metadata);
    }

    private static TreeBranch toBranch(IniFile file, boolean withoutMetadata) {
        TreeBranch branch = new TreeBranch();
        for (IniFile.Section section : file.sections) {
            if (withoutMetadata && section.name.equals(SOPS_SECTION)) {
                continue;
            }
            TreeBranch items = new TreeBranch();
            if (!section.comment.isEmpty()) {
                items.add(Comment.of(utf8(stripCommentMarker(section.comment), "a comment of section", section.name)), null);
            }
            for (IniFile.Key key : section.keys.values()) {
                items.add(utf8(key.name, "a key name in section", section.name), RawText.value(key.value));
                if (!key.comment.isEmpty()) {
                    items.add(Comment.of(utf8(stripCommentMarker(key.comment), "a comment in section", section.name)), null);
                }
            }
            branch.add(utf8(section.name, "the name of section", section.name), items);
        }
        return branch;
    }

    /**
     * Values keep bytes that are not UTF-8, as upstream does; section names, key names and comments
     * with such bytes are refused rather than changed, since they are text here.
     */
    private static String utf8(String text, String what, String section) {
        if (RawText.hasRawBytes(text)) {
            throw new FormatException("Could not unmarshal input data: " + what + " "
                    + RawText.display(section) + " is not valid UTF-8");
        }
        return text;
    }

    private static String stripCommentMarker(String comment) {
        if (comment.startsWith(";")) {
            return GoText.trimLeftChars(comment, "; ");
        }
        if (comment.startsWith("#")) {
            return GoText.trimLeftChars(comment, "# ");
        }
        return comment;
    }

    @Override
    public byte[] emitPlain(List<TreeBranch> branches) {
        return RawText.encode(encode(branches));
    }

    @Override
    public byte[] emitEncrypted(List<TreeBranch> branches, TreeBranch metadata) {
        TreeBranch section = new TreeBranch();
        for (TreeItem item : MetadataFlattening.flatten(metadata, "")) {
            Object value = item.value();
            if (value == null) {
                continue;
            }
            section.add(item.key(), value instanceof String s ? s.replace("\n", "\\n") : value);
        }
        List<TreeBranch> all = new ArrayList<>(branches);
        all.add(new TreeBranch().add(SOPS_SECTION, section));
        return emitPlain(all);
    }

    private static String encode(List<TreeBranch> branches) {
        IniFile file = new IniFile();
        for (TreeBranch branch : branches) {
            for (TreeItem item : branch) {
                if (item.isComment()) {
                    continue;
                }
                String name = (String) item.key();
                if (name.isEmpty()) {
                    throw dumpError("Error encoding section " + name + ": empty section name");
                }
                IniFile.Section section = file.newSection(name);
                if (!(item.value() instanceof TreeBranch items)) {
                    throw dumpError("Error encoding section: Section values should always be TreeBranches");
                }
                int first = 0;
                if (!items.isEmpty() && items.items().get(0).key() instanceof Comment comment) {
                    section.comment = comment.value();
                    first = 1;
                }
                IniFile.Key last = null;
                for (int i = first; i < items.size(); i++) {
                    TreeItem entry = items.items().get(i);
                    if (entry.key() instanceof Comment comment) {
                        if (last != null) {
                            last.comment = comment.value();
                        }
                    } else {
                        String keyName = (String) entry.key();
                        if (keyName.isEmpty()) {
                            throw dumpError("Error encoding key: error creating new key: empty key name");
                        }
                        last = section.newKey(keyName, valueText(entry.value()));
                    }
                }
            }
        }
        return IniWriter.write(file);
    }

    private static SopsException dumpError(String message) {
        return new SopsException(ExitCode.ERROR_DUMPING_TREE, "Error marshaling to ini: " + message);
    }

    /** {@code stores.ValToString}; mappings and lists get Go's {@code %v} text, as upstream. */
    static String valueText(Object value) {
        if (value instanceof TreeBranch || value instanceof List<?>) {
            StringBuilder out = new StringBuilder();
            goV(value, out);
            return out.toString();
        }
        if (value instanceof byte[] bytes) {
            return RawText.decode(bytes);
        }
        return GoFormat.valToString(value);
    }

    private static void goV(Object value, StringBuilder out) {
        if (value instanceof TreeBranch branch) {
            out.append('[');
            boolean first = true;
            for (TreeItem item : branch) {
                if (!first) {
                    out.append(' ');
                }
                first = false;
                out.append('{');
                goV(item.key(), out);
                out.append(' ');
                goV(item.value(), out);
                out.append('}');
            }
            out.append(']');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                goV(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Comment comment) {
            out.append('{').append(comment.value()).append('}');
        } else if (value instanceof Double d) {
            String g = GoFormat.formatFloatG(d, false);
            int e = g.indexOf('e');
            int exponent = e < 0 ? 0 : Integer.parseInt(g.substring(e + 1));
            out.append(exponent < -4 || exponent >= 21 ? g : GoFormat.formatFloatF(d));
        } else if (value instanceof OffsetDateTime t) {
            out.append(goTimeString(t));
        } else if (value instanceof byte[] bytes) {
            out.append('[');
            for (int i = 0; i < bytes.length; i++) {
                out.append(i > 0 ? " " : "").append(bytes[i] & 0xFF);
            }
            out.append(']');
        } else if (value == null) {
            out.append("<nil>");
        } else {
            out.append(GoFormat.valToString(value));
        }
    }

    private static String goTimeString(OffsetDateTime t) {
        String text = t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
        int nanos = t.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
            text += "." + fraction;
        }
        String offset = t.format(DateTimeFormatter.ofPattern("xx"));
        return text + " " + offset + " " + (t.getOffset().equals(ZoneOffset.UTC) ? "UTC" : offset);
    }

    /** Go's {@code json.Marshal} of the value, as upstream's INI store emits one value. */
    @Override
    public byte[] emitValue(Object value) {
        return GoJson.marshal(value).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean hasSopsTopLevelKey(TreeBranch branch) {
        return branch.containsKey(SOPS_SECTION);
    }
}
