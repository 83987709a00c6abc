package io.pdmgitops.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;

/**
 * Thousands of broken variants of the demo repository, made with a fixed seed and loaded the way
 * the controller loads its clone: no input may escape as an exception, every problem has a file,
 * line and column, and a mutation that certainly breaks a document is reported as an error in its
 * file. A failure names the seed and the case; {@code -Dfuzz.seed=S -Dfuzz.case=N} reruns one case,
 * {@code -Dfuzz.cases=N} changes how many run.
 */
class LoaderFuzzTest {
  private static final Path DEMO = Path.of("../examples/demo-repo");
  private static final long SEED = Long.getLong("fuzz.seed", 20_261_120L);
  private static final int CASES = Integer.getInteger("fuzz.cases", 3_000);
  private static final int ONLY_CASE = Integer.getInteger("fuzz.case", -1);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** No numeric field takes these: beyond every bound, negative, fractional or not finite. */
  private static final List<String> BAD_NUMBERS =
      List.of(
          "1e19",
          "-1e19",
          "1.5e19",
          "-1",
          "-0.5",
          "9223372036854775808",
          "-9223372036854775809",
          "18446744073709551616",
          "12345678901234567890.5",
          "1e400",
          "-1e400",
          "1e100000",
          ".nan",
          ".inf",
          "-.inf");

  /** Numbers some field may take, or not. */
  private static final List<String> ODD_NUMBERS =
      List.of("0", "1.5", "100.0", "1e-400", "0x10", "0o777", "+5", "2147483648", "-0");

  /** Values that are wrong wherever they stand: refused tags, broken syntax, hostile nesting. */
  private static final List<String> BAD_RAW_VALUES =
      List.of(
          "!!binary aGVsbG8=",
          "!!java.net.URL [\"http://attacker.example/\"]",
          "!local value",
          "*undefined",
          "&self [*self]",
          "\"unclosed",
          "[unclosed",
          "{a: 1, a: 2}",
          "@reserved",
          "`reserved",
          "[".repeat(100) + "]".repeat(100));

  /** Values that are odd but may be right in some places. */
  private static final List<String> ODD_RAW_VALUES =
      List.of(
          "!!str 150",
          "!!int 150",
          "!!float 1",
          "!!null",
          "!!set {a, b}",
          "!!omap [a: 1]",
          "&shared {a: 1}",
          "\"" + "x".repeat(100_000) + "\"",
          "\"ünïcødé ✓ 🚀\"",
          "'single ''quoted'''",
          "\"\\u0000\\x07\"",
          "~",
          "");

  /** Root-level keys that no document takes: not text, unknown, or a misused merge key. */
  private static final List<String> BAD_ROOT_KEYS =
      List.of(
          "[a, b]: x",
          "{a: 1}: x",
          "? [a]\n: x",
          "1: x",
          "null: x",
          "true: x",
          "\"\": x",
          "!!binary aGk=: x",
          "&key zz: x",
          "<<: 5",
          "<<: [1, 2]",
          "<<: {zz: 1}",
          "k".repeat(2_000) + ": x");

  /** Unknown kinds and envelope values; all are refused. */
  private static final List<String> UNKNOWN_KINDS =
      List.of("Guests", "guest", "", "Pod", "Remote ", "Remote".repeat(20_000));

  private static final List<String> WRONG_VERSIONS =
      List.of("pdm-gitops/v2", "", "v1", "PDM-GITOPS/V1");

  @TempDir Path repo;

  /** Relative name to original text, in a stable order. */
  private final Map<String, String> originals = new TreeMap<>();

  private final Map<String, List<JsonNode>> trees = new HashMap<>();

  private int rejected;

  @BeforeEach
  void copyTheDemoRepository() throws IOException {
    try (Stream<Path> files = Files.walk(DEMO)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = RepositoryScan.relative(DEMO, file);
        Path target = repo.resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
        originals.put(name, Files.readString(file));
      }
    }
  }

  /** One broken variant of one file. */
  record Mutant(String file, String how, byte[] bytes, boolean surelyInvalid) {}

  @Test
  void noMutationCrashesTheLoaderAndEveryProblemHasAPosition() throws IOException {
    DesiredStateLoader loader = DesiredStateLoader.withFileCache();
    assertThat(loader.load(repo).isValid()).as("the demo repository itself").isTrue();
    assertRoundTripKeepsTheDemoValid(loader);

    List<Failure> failures = new ArrayList<>();
    int first = ONLY_CASE >= 0 ? ONLY_CASE : 0;
    int end = ONLY_CASE >= 0 ? ONLY_CASE + 1 : CASES;
    for (int n = first; n < end; n++) {
      Mutant mutant = mutate(new Random(SEED * 1_000_003L + n));
      Files.write(repo.resolve(mutant.file()), mutant.bytes());
      Failure failure = check(loader, n, mutant);
      if (failure != null) {
        failures.add(failure);
      }
      Files.writeString(repo.resolve(mutant.file()), originals.get(mutant.file()));
    }
    if (!failures.isEmpty()) {
      Map<String, Long> kinds = new TreeMap<>();
      failures.forEach(f -> kinds.merge(f.kind(), 1L, Long::sum));
      fail(
          failures.size()
              + " of "
              + (end - first)
              + " mutated repositories failed (seed "
              + SEED
              + "): "
              + kinds
              + "\n\n"
              + String.join("\n\n", failures.stream().limit(3).map(Failure::report).toList()));
    }
    if (ONLY_CASE < 0) {
      // A mutator that quietly stopped breaking things would pass every check above.
      assertThat(rejected).as("mutated repositories rejected").isGreaterThan(CASES / 2);
    }
  }

  /** What went wrong in one case: a short kind for the tally, and everything to reproduce it. */
  record Failure(String kind, String report) {}

  /** The emitter below must not change meaning: the demo written back through it stays valid. */
  private void assertRoundTripKeepsTheDemoValid(DesiredStateLoader loader) throws IOException {
    for (String file : originals.keySet()) {
      Files.writeString(repo.resolve(file), emit(documents(file)));
    }
    LoadResult result = loader.load(repo);
    assertThat(result.problems()).as("problems of the re-emitted demo").isEmpty();
    for (String file : originals.keySet()) {
      Files.writeString(repo.resolve(file), originals.get(file));
    }
  }

  private Failure check(DesiredStateLoader loader, int n, Mutant mutant) {
    LoadResult result;
    try {
      result = loader.load(repo);
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      String where = trace.toString().lines().skip(1).findFirst().orElse("").strip();
      return new Failure(
          "threw " + t.getClass().getSimpleName() + " " + where,
          reproduce(n, mutant)
              + "\nthrew "
              + String.join("\n", trace.toString().lines().limit(15).toList()));
    }
    rejected += result.isValid() ? 0 : 1;
    for (Problem p : result.problems()) {
      if (p.location().file().isBlank()
          || p.location().line() < 1
          || p.location().column() < 1
          || p.message().isBlank()) {
        return new Failure(
            "problem without a position",
            reproduce(n, mutant) + "\nproblem without a position: " + p);
      }
    }
    if (!result.isValid() && result.problems().stream().noneMatch(Problem::isError)) {
      return new Failure(
          "invalid without an error",
          reproduce(n, mutant) + "\ninvalid, yet no error: " + result.problems());
    }
    boolean errorInFile =
        result.problems().stream()
            .anyMatch(p -> p.isError() && p.location().file().equals(mutant.file()));
    if (mutant.surelyInvalid() && !errorInFile) {
      return new Failure(
          "no error for " + mutant.how().replaceAll("[0-9]+", "N"),
          reproduce(n, mutant) + "\nno error in " + mutant.file() + ": " + result.problems());
    }
    return null;
  }

  private static String reproduce(int n, Mutant mutant) {
    return "case " + n + " (-Dfuzz.seed=" + SEED + " -Dfuzz.case=" + n + "), " + describe(mutant);
  }

  private static String describe(Mutant mutant) {
    String text = new String(mutant.bytes(), StandardCharsets.UTF_8);
    String shown = text.length() > 4_000 ? text.substring(0, 4_000) + "[...]" : text;
    StringBuilder escaped = new StringBuilder();
    shown
        .codePoints()
        .forEach(
            c -> {
              if (c == '\n' || (c >= 0x20 && c != 0x7f && c != 0xfffd)) {
                escaped.appendCodePoint(c);
              } else {
                escaped.append(String.format("\\u%04x", c));
              }
            });
    return mutant.file() + " (" + mutant.how() + "):\n" + escaped;
  }

  // ---- mutations ----

  private Mutant mutate(Random random) {
    List<String> files = new ArrayList<>(originals.keySet());
    String file = files.get(random.nextInt(files.size()));
    int dice = random.nextInt(100);
    if (dice < 40) {
      return structural(random, file);
    }
    if (dice < 50) {
      return encoding(random, file);
    }
    if (dice < 55) {
      return special(random, file);
    }
    return textual(random, file);
  }

  /** A change to one document's tree, written back as YAML; its validity is known. */
  private Mutant structural(Random random, String file) {
    List<JsonNode> documents = documents(file);
    int index = random.nextInt(documents.size());
    ObjectNode document = (ObjectNode) documents.get(index);
    String how;
    boolean sure = true;
    switch (random.nextInt(7)) {
      case 0 -> {
        String field = pick(random, List.of("apiVersion", "kind"));
        JsonNode value =
            random.nextBoolean()
                ? otherThan(random, Type.STRING)
                : JSON.stringNode(
                    pick(random, field.equals("kind") ? UNKNOWN_KINDS : WRONG_VERSIONS));
        document.set(field, value);
        how = field + " := " + value;
      }
      case 1 -> {
        JsonNode value = otherThan(random, Type.STRING);
        ((ObjectNode) document.get("metadata")).set("name", value);
        how = "metadata.name := " + value;
      }
      case 2 -> {
        Slot slot = pick(random, slots(document));
        JsonNode value = otherThan(random, Type.of(slot.value()));
        slot.replace(value);
        how = "type swap at " + slot.pointer() + " := " + value;
      }
      case 3 -> {
        List<Slot> numbers = slots(document).stream().filter(s -> s.value().isNumber()).toList();
        Slot slot = pick(random, numbers.isEmpty() ? slots(document) : numbers);
        boolean bad = random.nextInt(4) > 0;
        String number = pick(random, bad ? BAD_NUMBERS : ODD_NUMBERS);
        slot.replace(JSON.pojoNode(new Raw(number)));
        how = "number at " + slot.pointer() + " := " + number;
        sure = bad || !slot.value().isNumber();
      }
      case 4 -> {
        Slot slot = pick(random, slots(document));
        boolean bad = random.nextBoolean();
        String raw = pick(random, bad ? BAD_RAW_VALUES : ODD_RAW_VALUES);
        slot.replace(JSON.pojoNode(new Raw(raw)));
        how = "raw value at " + slot.pointer() + " := " + abbreviate(raw);
        sure = bad;
      }
      case 5 -> {
        List<Slot> keys = slots(document).stream().filter(s -> s.parent().isObject()).toList();
        Slot slot = pick(random, keys);
        slot.delete();
        how = "deleted " + slot.pointer();
        sure =
            List.of("/apiVersion", "/kind", "/metadata", "/spec", "/metadata/name")
                .contains(slot.pointer());
      }
      default -> {
        String where = pick(random, List.of("", "/metadata", "/spec"));
        JsonNode parent = document.at(where);
        String key = pick(random, List.of("vmidd", "zz-unknown", "Spec", "", "\u00e9t\u00e9"));
        if (parent instanceof ObjectNode object) {
          object.put(key, "x");
        }
        how = "unknown key '" + key + "' in " + (where.isEmpty() ? "the root" : where);
      }
    }
    return new Mutant(file, how, emit(documents).getBytes(StandardCharsets.UTF_8), sure);
  }

  /** One to three edits of the text as written: comments, flow style and all. */
  private Mutant textual(Random random, String file) {
    String text = originals.get(file);
    int edits = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
    List<String> hows = new ArrayList<>();
    boolean sure = false;
    for (int i = 0; i < edits && !text.isEmpty(); i++) {
      List<String> lines = new ArrayList<>(text.lines().toList());
      int line = random.nextInt(lines.size());
      String current = lines.get(line);
      boolean isKey = current.matches("^ *[A-Za-z][A-Za-z0-9_-]*:( .*)?$");
      switch (random.nextInt(9)) {
        case 0 -> {
          int at = random.nextInt(text.length());
          text = text.substring(0, at);
          hows.add("truncated at " + at);
          sure = false;
          continue;
        }
        case 1 -> {
          lines.set(line, "\t" + current);
          hows.add("tab before line " + (line + 1));
          sure = false;
        }
        case 2 -> {
          int shift = 1 + random.nextInt(3);
          lines.set(
              line,
              random.nextBoolean()
                  ? " ".repeat(shift) + current
                  : current.substring(Math.min(shift, leading(current))));
          hows.add("indentation of line " + (line + 1) + " changed");
          sure = false;
        }
        case 3 -> {
          int other = Math.min(lines.size() - 1, line + 1);
          lines.set(line, lines.get(other));
          lines.set(other, current);
          hows.add("lines " + (line + 1) + " and " + (other + 1) + " swapped");
          sure = false;
        }
        case 4 -> {
          lines.remove(line);
          hows.add("line " + (line + 1) + " deleted");
          sure = false;
        }
        case 5 -> {
          if (isKey) {
            lines.add(line + 1, current);
            hows.add("key of line " + (line + 1) + " duplicated");
            sure = edits == 1;
          } else {
            lines.add(line, "---");
            hows.add("document split before line " + (line + 1));
            sure = false;
          }
        }
        case 6 -> {
          int root = rootKeyLine(random, lines);
          String key = pick(random, BAD_ROOT_KEYS);
          lines.add(root, key);
          hows.add("root key " + abbreviate(key) + " before line " + (root + 1));
          sure = edits == 1;
        }
        case 7 -> {
          int colon = current.indexOf(": ");
          if (isKey && colon > 0 && random.nextBoolean()) {
            String raw = pick(random, BAD_RAW_VALUES);
            lines.set(line, current.substring(0, colon + 2) + raw);
            hows.add("value of line " + (line + 1) + " := " + abbreviate(raw));
            sure = edits == 1;
          } else if (isKey && current.endsWith(":")) {
            lines.set(line, current + " &anchor");
            int later = line + 1 + random.nextInt(lines.size() - line);
            lines.add(later, " ".repeat(leading(current)) + "zz: *anchor");
            hows.add("anchor on line " + (line + 1) + ", alias on line " + (later + 1));
            sure = false;
          } else {
            lines.set(line, current + " # trailing: comment");
            hows.add("comment after line " + (line + 1));
            sure = false;
          }
        }
        default -> {
          byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
          int flips = 1 + random.nextInt(3);
          for (int f = 0; f < flips; f++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
          }
          // The last edit: what comes out may no longer be text.
          hows.add(flips + " random bytes");
          return new Mutant(file, String.join(", ", hows), bytes, false);
        }
      }
      text = String.join("\n", lines) + "\n";
    }
    return new Mutant(file, String.join(", ", hows), text.getBytes(StandardCharsets.UTF_8), sure);
  }

  /** The same text in another encoding or with other line ends; some of it is no longer UTF-8. */
  private Mutant encoding(Random random, String file) {
    String text = originals.get(file);
    switch (random.nextInt(6)) {
      case 0:
        return new Mutant(
            file,
            "UTF-8 byte order mark",
            ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8),
            false);
      case 1:
        return new Mutant(
            file, "UTF-16 with byte order mark", text.getBytes(StandardCharsets.UTF_16), false);
      case 2:
        return new Mutant(
            file,
            "CRLF line ends",
            text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8),
            false);
      case 3:
        String latin = text.replaceFirst("(?m)^( *name: )(.*)$", "$1caf\u00e9-$2");
        return new Mutant(
            file, "Latin-1, not UTF-8", latin.getBytes(StandardCharsets.ISO_8859_1), true);
      case 4:
        int at = random.nextInt(text.length());
        String control = pick(random, List.of("\u0000", "\u0007", "\u001b", "\uFFFE"));
        String broken = text.substring(0, at) + control + text.substring(at);
        return new Mutant(
            file, "control character at " + at, broken.getBytes(StandardCharsets.UTF_8), true);
      default:
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int where = random.nextInt(bytes.length);
        bytes[where] = (byte) (0x80 | random.nextInt(0x40)); // a continuation byte without a lead
        return new Mutant(file, "invalid UTF-8 at byte " + where, bytes, true);
    }
  }

  /** Whole files that are empty, odd or hostile. */
  private Mutant special(Random random, String file) {
    String text = originals.get(file);
    StringBuilder laughs = new StringBuilder("apiVersion: pdm-gitops/v1\nkind: View\n");
    laughs.append("metadata: {name: lol}\nspec:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 12; i++) {
      laughs.append("  l").append(i).append(": &l").append(i).append(" [");
      laughs.append(String.join(", ", java.util.Collections.nCopies(7, "*l" + (i - 1))));
      laughs.append("]\n");
    }
    record Special(String how, String text, boolean sure) {}
    List<Special> specials =
        List.of(
            new Special("empty file", "", false),
            new Special("only a separator", "---\n", false),
            new Special("empty documents", "---\n---\n...\n", false),
            new Special("a null document", "~\n", false),
            new Special("a list document", "[]\n", true),
            new Special("a scalar document", "just text\n", true),
            new Special("a mapping without envelope", "{}\n", true),
            new Special("1,001 documents", "---\na: 1\n".repeat(1_001), true),
            new Special("deep nesting", "a: " + "[".repeat(200) + "]".repeat(200) + "\n", true),
            new Special("billion laughs", laughs.toString(), true),
            new Special("YAML 1.1 directive", "%YAML 1.1\n---\n" + text, false),
            new Special(
                "custom tag handle", "%TAG !e! tag:example.com,2000:\n---\n!e!foo bar\n", true),
            new Special("appended garbage", text + "\n---\n: : :\n", true),
            new Special("a very long line", "# " + "x".repeat(200_000) + "\n" + text, false));
    Special special = pick(random, specials);
    return new Mutant(
        file, special.how(), special.text().getBytes(StandardCharsets.UTF_8), special.sure());
  }

  // ---- trees ----

  /** A value written verbatim, for what a tree cannot hold: tags, aliases, 1e19 as written. */
  record Raw(String yaml) {}

  /** Where a value sits: in a mapping under a key or in a list at an index. */
  record Slot(JsonNode parent, String key, int index, JsonNode value, String pointer) {
    void replace(JsonNode replacement) {
      if (parent instanceof ObjectNode object) {
        object.set(key, replacement);
      } else {
        ((ArrayNode) parent).set(index, replacement);
      }
    }

    void delete() {
      ((ObjectNode) parent).remove(key);
    }
  }

  /** The documents of a demo file as trees, fresh copies to change. */
  private List<JsonNode> documents(String file) {
    List<JsonNode> parsed =
        trees.computeIfAbsent(
            file,
            f ->
                new YamlFileReader(LoaderLimits.defaults())
                    .read(f, new StringReader(originals.get(f))).documents().stream()
                        .map(YamlDocument::root)
                        .toList());
    return parsed.stream().map(JsonNode::deepCopy).toList();
  }

  private static List<Slot> slots(JsonNode document) {
    List<Slot> slots = new ArrayList<>();
    collect(document, "", slots);
    return slots;
  }

  private static void collect(JsonNode node, String pointer, List<Slot> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String child = NodePositions.child(pointer, e.getKey());
        out.add(new Slot(node, e.getKey(), -1, e.getValue(), child));
        collect(e.getValue(), child, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String child = pointer + "/" + i;
        out.add(new Slot(node, null, i, node.get(i), child));
        collect(node.get(i), child, out);
      }
    }
  }

  /** The JSON types a swap moves between; numbers are one type, as the schemas mostly see them. */
  enum Type {
    STRING,
    NUMBER,
    BOOLEAN,
    NULL,
    LIST,
    MAP;

    static Type of(JsonNode node) {
      if (node.isString()) {
        return STRING;
      }
      if (node.isNumber()) {
        return NUMBER;
      }
      if (node.isBoolean()) {
        return BOOLEAN;
      }
      if (node.isArray()) {
        return LIST;
      }
      return node.isObject() ? MAP : NULL;
    }
  }

  private static JsonNode otherThan(Random random, Type type) {
    List<Type> others = new ArrayList<>(List.of(Type.values()));
    others.remove(type);
    return switch (pick(random, others)) {
      case STRING -> JSON.stringNode(pick(random, List.of("x", "", "150", "true", "null")));
      case NUMBER -> JSON.pojoNode(new Raw(pick(random, List.of("0", "7", "1.5", "1e19", "-1"))));
      case BOOLEAN -> JSON.booleanNode(random.nextBoolean());
      case NULL -> JSON.nullNode();
      case LIST -> random.nextBoolean() ? JSON.arrayNode() : JSON.arrayNode().add("a");
      case MAP -> random.nextBoolean() ? JSON.objectNode() : JSON.objectNode().put("a", "b");
    };
  }

  /**
   * Block YAML with every string double-quoted, so the loader reads back exactly this tree; raw
   * values are written as they are.
   */
  private static String emit(List<JsonNode> documents) {
    StringBuilder out = new StringBuilder();
    for (JsonNode document : documents) {
      out.append("---\n");
      block(document, 0, out);
    }
    return out.toString();
  }

  private static void block(JsonNode node, int indent, StringBuilder out) {
    String pad = " ".repeat(indent);
    if (node.isObject() && !node.isEmpty()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.append(pad).append(quoted(e.getKey())).append(':');
        child(e.getValue(), indent + 2, out);
      }
    } else if (node.isArray() && !node.isEmpty()) {
      for (JsonNode item : node) {
        out.append(pad).append('-');
        child(item, indent + 2, out);
      }
    } else {
      out.append(pad).append(inline(node)).append('\n');
    }
  }

  private static void child(JsonNode node, int indent, StringBuilder out) {
    if (node.isContainer() && !node.isEmpty()) {
      out.append('\n');
      block(node, indent, out);
    } else {
      out.append(' ').append(inline(node)).append('\n');
    }
  }

  private static String inline(JsonNode node) {
    if (node instanceof POJONode pojo && pojo.getPojo() instanceof Raw raw) {
      return raw.yaml();
    }
    if (node.isString()) {
      return quoted(node.asString());
    }
    if (node.isNumber() && node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
      double d = node.doubleValue();
      return Double.isNaN(d) ? ".nan" : d > 0 ? ".inf" : "-.inf";
    }
    if (node.isObject()) {
      return "{}";
    }
    if (node.isArray()) {
      return "[]";
    }
    return node.toString(); // numbers, booleans and null as JSON writes them, which YAML 1.2 reads
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\x%02x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }

  // ---- helpers ----

  private static int rootKeyLine(Random random, List<String> lines) {
    List<Integer> roots = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("^[A-Za-z][A-Za-z0-9_-]*:.*")) {
        roots.add(i);
      }
    }
    return roots.isEmpty() ? 0 : pick(random, roots);
  }

  private static int leading(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
