package io.sops4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The README's Maven plugin section against the plugin as built: its first declaration is the one
 * the {@code multi-module} integration-test build runs, every goal and parameter its XML blocks name
 * exists in the plugin descriptor, and the goal table lists each goal with its default phase.
 */
class ReadmePluginSnippetsTest {

    private static final Path README = Path.of("../README.md");
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(\\w+)` \\| (?:`([\\w-]+)`|—) \\|", Pattern.MULTILINE);

    @Test
    void theFirstDeclarationIsTheOneTheMultiModuleBuildRuns() throws Exception {
        Element readme = parse(xmlBlocks().get(0));
        Element it = (Element) parse(Files.readString(Path.of("src/it/multi-module/pom.xml")))
                .getElementsByTagName("plugin").item(0);

        assertThat(text(readme, "groupId")).isEqualTo("io.sops4j");
        assertThat(text(readme, "artifactId")).isEqualTo("sops-maven-plugin");
        assertThat(text(readme, "version")).isEqualTo(projectVersion());
        assertThat(text(it, "groupId")).isEqualTo("@project.groupId@");
        assertThat(text(it, "artifactId")).isEqualTo("@project.artifactId@");
        assertThat(shape(child(readme, "executions"))).isEqualTo(shape(child(it, "executions")));
    }

    @Test
    void everyGoalAndParameterOfTheReadmeExists() throws Exception {
        Map<String, Set<String>> parameters = descriptorParameters();
        List<String> blocks = xmlBlocks();
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
        for (String block : blocks) {
            Element root = parse(block);
            NodeList goals = root.getElementsByTagName("goal");
            Set<String> named = new TreeSet<>();
            for (int i = 0; i < goals.getLength(); i++) {
                named.add(goals.item(i).getTextContent().trim());
            }
            assertThat(parameters.keySet()).as("goals of the plugin").containsAll(named);
            NodeList configurations = root.getElementsByTagName("configuration");
            for (int i = 0; i < configurations.getLength(); i++) {
                for (Element parameter : children((Element) configurations.item(i))) {
                    for (String goal : named) {
                        assertThat(parameters.get(goal)).as("parameters of %s", goal).contains(parameter.getTagName());
                    }
                }
            }
        }
    }

    @Test
    void theGoalTableNamesEveryGoalWithItsDefaultPhase() throws Exception {
        String section = pluginSection();
        Map<String, String> table = new LinkedHashMap<>();
        Matcher row = TABLE_ROW.matcher(section);
        while (row.find()) {
            table.put(row.group(1), row.group(2) == null ? "" : row.group(2));
        }
        Map<String, String> phases = new LinkedHashMap<>();
        Document descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        for (Element mojo : children(child(descriptor.getDocumentElement(), "mojos"))) {
            String goal = text(mojo, "goal");
            if (!goal.equals("help")) {
                Element phase = child(mojo, "phase");
                phases.put(goal, phase == null ? "" : phase.getTextContent().trim());
            }
        }
        assertThat(table).containsExactlyInAnyOrderEntriesOf(phases);
    }

    private static String pluginSection() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("## Maven plugin");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as("README has a Maven plugin section").isNotNegative();
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static List<String> xmlBlocks() throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = XML_BLOCK.matcher(pluginSection());
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static Map<String, Set<String>> descriptorParameters() throws Exception {
        Document descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        Map<String, Set<String>> parameters = new LinkedHashMap<>();
        for (Element mojo : children(child(descriptor.getDocumentElement(), "mojos"))) {
            Set<String> names = new TreeSet<>();
            for (Element parameter : children(child(mojo, "parameters"))) {
                names.add(text(parameter, "name"));
            }
            parameters.put(text(mojo, "goal"), names);
        }
        return parameters;
    }

    private static String projectVersion() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        return text(child(pom.getDocumentElement(), "parent"), "version");
    }

    /** An element's tree without comments and whitespace, as text. */
    private static String shape(Element element) {
        StringBuilder out = new StringBuilder("<").append(element.getTagName()).append('>');
        List<Element> children = children(element);
        if (children.isEmpty()) {
            out.append(element.getTextContent().trim());
        }
        for (Element child : children) {
            out.append(shape(child));
        }
        return out.append("</").append(element.getTagName()).append('>').toString();
    }

    private static Element parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    children.add(e);
                }
            }
        }
        return children;
    }

    private static Element child(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst().orElse(null);
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }
}
