package io.pdmgitops.model.load;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.SourceLocation;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.load.semantic.LoadedObjects;
import io.pdmgitops.model.load.semantic.SemanticCheck;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  public DesiredStateLoader() {
    this(LoaderLimits.defaults());
  }

  public DesiredStateLoader(LoaderLimits limits) {
    this.limits = limits;
    this.yaml = new YamlFileReader(limits);
    this.documents = new DocumentReader(SchemaCatalog.standard());
  }

  public LoadResult load(Path root) {
    List<Problem> problems = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      problems.add(
          Problem.error(
              ProblemCategory.IO, SourceLocation.startOf("."), "not a directory: " + root));
      return new LoadResult(Optional.empty(), problems, 0, 0, 0);
    }
    RepositoryScan scan;
    try {
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
    for (Path file : scan.files()) {
      for (YamlDocument document : readFile(root, file, problems)) {
        documentCount++;
        DocumentReader.Outcome outcome = documents.read(document);
        outcome.object().ifPresent(objects::add);
        outcome.invalid().ifPresent(invalid::add);
        problems.addAll(outcome.problems());
      }
    }
    LoadedObjects index = new LoadedObjects(objects, invalid);
    for (SemanticCheck check : SemanticCheck.all()) {
      problems.addAll(check.check(index));
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

  private List<YamlDocument> readFile(Path root, Path file, List<Problem> problems) {
    String name = RepositoryScan.relative(root, file);
    try {
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        problems.add(
            Problem.error(
                    ProblemCategory.LIMIT,
                    SourceLocation.startOf(name),
                    "file is " + size + " bytes, more than the limit of " + limits.maxFileBytes())
                .withHint("split it into smaller files; desired state needs no large files"));
        return List.of();
      }
      try (Reader reader = new UnicodeReader(Files.newInputStream(file))) {
        YamlFileReader.FileContent content = yaml.read(name, reader);
        problems.addAll(content.problems());
        return content.documents();
      }
    } catch (IOException e) {
      problems.add(
          Problem.error(
              ProblemCategory.IO,
              SourceLocation.startOf(name),
              "cannot read: " + e.getClass().getSimpleName()));
      return List.of();
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
