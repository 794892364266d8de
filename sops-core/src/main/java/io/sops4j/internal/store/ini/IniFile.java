package io.sops4j.internal.store.ini;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An INI document as gopkg.in/ini.v1 holds it (with non-unique sections allowed): sections in
 * order, each with its comment and its keys; a repeated key keeps its first position and takes
 * the later value.
 */
final class IniFile {

    static final String DEFAULT_SECTION = "DEFAULT";

    final List<Section> sections = new ArrayList<>();

    Section newSection(String name) {
        Section section = new Section(name);
        sections.add(section);
        return section;
    }

    static final class Section {
        final String name;
        String comment = "";
        final Map<String, Key> keys = new LinkedHashMap<>();

        Section(String name) {
            this.name = name;
        }

        Key newKey(String name, String value) {
            Key key = keys.get(name);
            if (key == null) {
                key = new Key(name, value);
                keys.put(name, key);
            } else {
                key.value = value;
            }
            return key;
        }
    }

    static final class Key {
        final String name;
        String value;
        String comment = "";

        Key(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }
}
