package io.pdmgitops.model.load;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.SourceLocation;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.load.semantic.LoadedObjects;
import io.pdmgitops.model.load.semantic.SemanticCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Reads a desired-state directory into a {@link DesiredState}, or reports every problem at once:
 * syntax, schema and cross-document meaning, each with file, line and column. Nothing is thrown for
 * bad input, and the limits of {@link LoaderLimits} bound time and memory.
 */
public final class DesiredStateLoader {
  private static final Comparator<Problem> BY_POSITION =
      Comparator.comparing((Problem p) -> p.location().file())
          .thenComparingInt(p -> p.location().line())
          .thenComparingInt(p -> p.location().column())
          .thenComparing(Problem::message);

  private final LoaderLimits limits;
  private final YamlFileReader yaml;
  private final DocumentReader documents;
  // Per file (relative name): what it contributed last time, reused while its bytes are the same.
  private final Map<String, FileOutcome> cache;
  private Map<String, List<YamlDocument>> reparsedInThisLoad;

  public DesiredStateLoader() {
    this(LoaderLimits.defaults());
  }

  public DesiredStateLoader(LoaderLimits limits) {
    this(limits, false);
  }

  private DesiredStateLoader(LoaderLimits limits, boolean caching) {
    this.limits = limits;
    this.yaml = new YamlFileReader(limits);
    this.documents = new DocumentReader(SchemaCatalog.standard());
    this.cache = caching ? new HashMap<>() : null;
  }

  /**
   * A loader for one directory loaded again and again (the controller's clone): a file whose bytes
   * did not change since the last load is not parsed or validated again, so a commit that touches
   * one file of a 100,000-object repository costs one file. Cross-document checks always run on
   * everything. The cache holds bound objects only, never YAML trees, and forgets files that are
   * gone.
   */
  public static DesiredStateLoader withFileCache() {
    return new DesiredStateLoader(LoaderLimits.defaults(), true);
  }

  /** What one file contributed to a load. */
  private record FileOutcome(
      byte[] digest,
      List<LoadedObject> objects,
      List<ObjectRef> invalid,
      List<Problem> problems,
      int documents) {}

  public synchronized LoadResult load(Path root) {
    reparsedInThisLoad = new HashMap<>();
    try {
      return loadNow(root);
    } finally {
      reparsedInThisLoad = null;
    }
  }

  private LoadResult loadNow(Path directory) {
    List<Problem> problems = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      problems.add(
          Problem.error(
              ProblemCategory.IO, SourceLocation.startOf("."), "not a directory: " + directory));
      return new LoadResult(Optional.empty(), problems, 0, 0, 0);
    }
    Path root;
    RepositoryScan scan;
    try {
      // The directory named may itself be a link (a checkout under a linked /var or home); it is
      // what the user chose, so it is followed. Only links inside it are refused.
      root = directory.toRealPath();
      scan = RepositoryScan.of(root, limits);
    } catch (IOException e) {
      problems.add(
          Problem.error(
              ProblemCategory.IO, SourceLocation.startOf("."), "cannot list the directory: " + e));
      return new LoadResult(Optional.empty(), problems, 0, 0, 0);
    }
    problems.addAll(scan.problems());
    List<LoadedObject> objects = new ArrayList<>();
    Set<ObjectRef> invalid = new HashSet<>();
    int documentCount = 0;
    Set<String> seen = new HashSet<>();
    for (Path file : scan.files()) {
      String name = RepositoryScan.relative(root, file);
      seen.add(name);
      FileOutcome outcome = readFile(root, file, name);
      documentCount += outcome.documents();
      objects.addAll(outcome.objects());
      invalid.addAll(outcome.invalid());
      problems.addAll(outcome.problems());
    }
    if (cache != null) {
      cache.keySet().retainAll(seen);
    }
    LoadedObjects index = new LoadedObjects(objects, invalid);
    for (SemanticCheck check : SemanticCheck.all()) {
      problems.addAll(run(check, index));
    }
    if (objects.isEmpty() && invalid.isEmpty() && problems.isEmpty()) {
      problems.add(
          Problem.error(
                  ProblemCategory.SEMANTIC,
                  SourceLocation.startOf("."),
                  "no desired-state documents found")
              .withHint("check the directory: every *.yaml and *.yml below it is read")
              .asWarning());
    }
    return result(problems, objects, scan.files().size(), documentCount);
  }

  /** One check's bug costs one problem, not the problems of the other checks and documents. */
  private static List<Problem> run(SemanticCheck check, LoadedObjects index) {
    try {
      return check.check(index);
    } catch (RuntimeException e) {
      return List.of(
          Problem.internalError(
              ProblemCategory.SEMANTIC,
              SourceLocation.startOf("."),
              "checking " + check.getClass().getSimpleName(),
              e));
    }
  }

  /** One document's fault, such as a bug on an odd value, costs that document only. */
  private DocumentReader.Outcome read(YamlDocument document) {
    try {
      return documents.read(document);
    } catch (RuntimeException e) {
      return new DocumentReader.Outcome(
          Optional.empty(),
          Optional.empty(),
          List.of(
              Problem.internalError(
                  ProblemCategory.SCHEMA, document.start(), "checking the document", e)));
    }
  }

  private FileOutcome readFile(Path root, Path file, String name) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        return failed(
            Problem.error(
                    ProblemCategory.LIMIT,
                    SourceLocation.startOf(name),
                    "file is " + size + " bytes, more than the limit of " + limits.maxFileBytes())
                .withHint("split it into smaller files; desired state needs no large files"));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return failed(
          Problem.error(
              ProblemCategory.IO,
              SourceLocation.startOf(name),
              "cannot read: " + e.getClass().getSimpleName()));
    }
    byte[] digest = cache == null ? new byte[0] : digest(bytes);
    FileOutcome cached = cache == null ? null : cache.get(name);
    if (cached != null && Arrays.equals(cached.digest(), digest)) {
      return cached;
    }
    List<LoadedObject> objects = new ArrayList<>();
    List<LoadedObject> kept = new ArrayList<>();
    List<ObjectRef> invalid = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    YamlFileReader.FileContent content = parse(name, bytes);
    problems.addAll(content.problems());
    for (YamlDocument document : content.documents()) {
      DocumentReader.Outcome outcome = read(document);
      outcome.object().ifPresent(objects::add);
      outcome
          .object()
          .ifPresent(
              o ->
                  kept.add(
                      new LoadedObject(
                          o.object(),
                          o.location(),
                          reparsed(file, name, document.index(), digest))));
      outcome.invalid().ifPresent(invalid::add);
      problems.addAll(outcome.problems());
    }
    int count = content.documents().size();
    if (cache != null) {
      cache.put(name, new FileOutcome(digest, kept, invalid, problems, count));
    }
    return new FileOutcome(digest, objects, invalid, problems, count);
  }

  private YamlFileReader.FileContent parse(String name, byte[] bytes) {
    try (Reader reader = new UnicodeReader(new ByteArrayInputStream(bytes))) {
      return yaml.read(name, reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail to close
    }
  }

  /**
   * Finds a field of a cached object by parsing its file again: only needed when a cross-document
   * check reports on it, which is rare, so no YAML tree is kept for it.
   */
  private FieldLocator reparsed(Path file, String name, int index, byte[] digest) {
    return pointer ->
        documentsOf(file, name, digest).stream()
            .filter(d -> d.index() == index)
            .findFirst()
            .map(d -> FieldLocator.of(d).locate(pointer))
            .orElse(SourceLocation.startOf(name));
  }

  /**
   * A cached file's documents, parsed again; within one load each file at most once (a removed
   * Remote can put a problem on every guest of a file), and nothing is kept after the load.
   */
  private List<YamlDocument> documentsOf(Path file, String name, byte[] digest) {
    Map<String, List<YamlDocument>> memo = reparsedInThisLoad;
    if (memo != null && memo.containsKey(name)) {
      return memo.get(name);
    }
    List<YamlDocument> documents;
    try {
      byte[] bytes = Files.readAllBytes(file);
      documents = Arrays.equals(digest(bytes), digest) ? parse(name, bytes).documents() : List.of();
    } catch (IOException e) {
      documents = List.of();
    }
    if (memo != null) {
      memo.put(name, documents);
    }
    return documents;
  }

  private static FileOutcome failed(Problem problem) {
    return new FileOutcome(new byte[0], List.of(), List.of(), List.of(problem), 0);
  }

  private static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private LoadResult result(
      List<Problem> problems, List<LoadedObject> objects, int files, int documentCount) {
    List<Problem> sorted = problems.stream().distinct().sorted(BY_POSITION).toList();
    int omitted = Math.max(0, sorted.size() - limits.maxProblems());
    List<Problem> kept = sorted.subList(0, sorted.size() - omitted);
    if (kept.stream().anyMatch(Problem::isError) || omitted > 0) {
      return new LoadResult(Optional.empty(), kept, omitted, files, documentCount);
    }
    Map<ObjectRef, SourceLocation> sources = new HashMap<>();
    List<DesiredObject> desired = new ArrayList<>();
    for (LoadedObject o : objects) {
      sources.put(o.ref(), o.location());
      desired.add(o.object());
    }
    return new LoadResult(
        Optional.of(DesiredState.of(desired, sources)), kept, 0, files, documentCount);
  }
}
