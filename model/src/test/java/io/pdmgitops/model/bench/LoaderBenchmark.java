package io.pdmgitops.model.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.load.LoadResult;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads and validates a generated repository of 5,000 objects in 500 files, against the floor of
 * parsing the same files with plain SnakeYAML and no validation. Not part of the normal build: run
 * with {@code ./mvnw -pl model -Pbench test}; results go to docs/benchmarks.md.
 */
class LoaderBenchmark {
  private static final int FILES = 500;
  private static final int OBJECTS_PER_FILE = 10;
  private static final int WARMUP = 5;
  private static final int RUNS = 15;

  @TempDir Path repo;

  @Test
  void loadFiveThousandObjects() throws IOException {
    new BenchRepository(repo).write(FILES, OBJECTS_PER_FILE);
    DesiredStateLoader loader = new DesiredStateLoader();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(repo)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (int i = 0; i < WARMUP; i++) {
      assertThat(loader.load(repo).isValid()).isTrue();
      parseOnly(files);
    }

    List<Long> full = new ArrayList<>();
    List<Long> floor = new ArrayList<>();
    long peakHeap = 0;
    int objects = 0;
    for (int i = 0; i < RUNS; i++) {
      System.gc();
      resetPeaks();
      long start = System.nanoTime();
      LoadResult result = loader.load(repo);
      full.add(System.nanoTime() - start);
      peakHeap = Math.max(peakHeap, peakHeapBytes());
      objects = result.state().orElseThrow().size();

      start = System.nanoTime();
      parseOnly(files);
      floor.add(System.nanoTime() - start);
    }

    double fullMs = median(full) / 1e6;
    double floorMs = median(floor) / 1e6;
    String report =
        String.format(
            Locale.ROOT,
            "| load + validate %d objects in %d files | %.0f ms (min %.0f, max %.0f) | %.0f ms |"
                + " %.2f | %d MB | -Xmx%s |",
            objects,
            files.size(),
            fullMs,
            Collections.min(full) / 1e6,
            Collections.max(full) / 1e6,
            floorMs,
            fullMs / floorMs,
            peakHeap / (1024 * 1024),
            maxHeap());
    System.out.println("BENCHMARK " + report);
    Files.createDirectories(Path.of("target/benchmarks"));
    Files.writeString(Path.of("target/benchmarks/loader.md"), report + "\n");
    assertThat(objects).isEqualTo(FILES * OBJECTS_PER_FILE);
  }

  /** The floor: the same bytes through SnakeYAML's safe loader, nothing else. */
  private static int parseOnly(List<Path> files) throws IOException {
    int documents = 0;
    for (Path file : files) {
      Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
      try (Reader reader = Files.newBufferedReader(file)) {
        for (Object ignored : yaml.loadAll(reader)) {
          documents++;
        }
      }
    }
    return documents;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** Sum of the heap pools' peaks since the last reset. */
  private static long peakHeapBytes() {
    long total = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        total += pool.getPeakUsage().getUsed();
      }
    }
    return total;
  }

  private static String maxHeap() {
    return (Runtime.getRuntime().maxMemory() / (1024 * 1024)) + "m";
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
