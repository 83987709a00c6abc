package io.pdmgitops.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.desired.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The docs stay true: their YAML examples validate and every schema field is documented. */
class DocumentationTest {
  static final Path DOCS = Path.of("../docs");
  static final Path REFERENCE = DOCS.resolve("yaml-reference.md");
  private static final Pattern YAML_BLOCK = Pattern.compile("(?s)```yaml\\n(.*?)```");

  @Test
  void everyYamlExampleInTheDocsValidates(@TempDir Path repo) throws IOException {
    List<Path> pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(DOCS)) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    pages.add(Path.of("../README.md"));
    int blocks = 0;
    for (Path page : pages) {
      Matcher block = YAML_BLOCK.matcher(Files.readString(page));
      while (block.find()) {
        Files.writeString(
            repo.resolve(page.getFileName() + "-" + block.start() + ".yaml"), block.group(1));
        blocks++;
      }
    }

    LoadResult result = new DesiredStateLoader().load(repo);

    assertThat(blocks).isGreaterThanOrEqualTo(Kind.values().length);
    assertThat(result.problems()).noneMatch(Problem::isError);
    assertThat(result.state().orElseThrow().size()).isGreaterThan(Kind.values().length);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void everySchemaFieldIsInTheReference(Kind kind) throws IOException {
    String reference = Files.readString(REFERENCE);
    JsonNode schema = SchemasTest.read(kind);
    List<String> paths = new ArrayList<>();
    collect(schema, schema, "", paths);

    assertThat(paths).isNotEmpty();
    assertThat(paths).allSatisfy(path -> assertThat(reference).contains("`" + path + "`"));
  }

  @Test
  void theReferenceNamesEverySchemaFile() throws IOException {
    String reference = Files.readString(REFERENCE);

    assertThat(Kind.values())
        .allSatisfy(k -> assertThat(reference).contains("src-schemas/" + k.schemaFile()));
  }

  /** Field paths as the reference writes them: {@code spec.endpoints[].url}. */
  static void collect(JsonNode root, JsonNode node, String path, List<String> out) {
    JsonNode resolved = resolve(root, node);
    JsonNode properties = resolved.get("properties");
    if (properties == null) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : properties.properties()) {
      String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      out.add(child);
      JsonNode value = resolve(root, field.getValue());
      collect(root, value, child, out);
      for (String items = child + "[]"; value.has("items"); items += "[]") {
        value = resolve(root, value.get("items"));
        collect(root, value, items, out);
      }
    }
  }

  private static JsonNode resolve(JsonNode root, JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : root.at(ref.asString().substring(1));
  }
}
