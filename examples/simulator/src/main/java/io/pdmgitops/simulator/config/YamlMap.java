package io.pdmgitops.simulator.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed access to one mapping of the fleet file, with errors that name the offending path. */
final class YamlMap {
  private static final Pattern SIZE = Pattern.compile("^([0-9]+)\\s*([KMGT]i?B?)?$");
  private static final Pattern DURATION = Pattern.compile("^([0-9]+)(ms|s|m)$");

  private final String path;
  private final Map<?, ?> values;

  YamlMap(String path, Object node) {
    if (!(node instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(path + ": expected a mapping");
    }
    this.path = path;
    this.values = map;
  }

  /** Refuses keys the simulator does not know, so a typo in a fleet file is not ignored. */
  YamlMap allow(Set<String> keys) {
    for (Object key : values.keySet()) {
      if (!keys.contains(String.valueOf(key))) {
        throw new IllegalArgumentException(path + "." + key + ": unknown field, allowed: " + keys);
      }
    }
    return this;
  }

  String string(String key, String fallback) {
    Object v = values.get(key);
    return v == null ? fallback : String.valueOf(v);
  }

  String required(String key) {
    Object v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException(path + "." + key + ": required");
    }
    return String.valueOf(v);
  }

  int integer(String key, int fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.intValue();
    }
    throw new IllegalArgumentException(path + "." + key + ": expected a number");
  }

  double decimal(String key, double fallback) {
    Object v = values.get(key);
    return v instanceof Number n ? n.doubleValue() : fallback;
  }

  boolean bool(String key, boolean fallback) {
    Object v = values.get(key);
    return v instanceof Boolean b ? b : fallback;
  }

  /** Bytes, written as a number or with a unit: 512MiB, 8GiB, 2TiB. */
  long size(String key, long fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    Matcher m = SIZE.matcher(String.valueOf(v).trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(path + "." + key + ": expected a size such as 8GiB");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
    int shift =
        switch (unit.isEmpty() ? ' ' : unit.charAt(0)) {
          case 'K' -> 10;
          case 'M' -> 20;
          case 'G' -> 30;
          case 'T' -> 40;
          default -> 0;
        };
    return n << shift;
  }

  Duration duration(String key, Duration fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    Matcher m = DURATION.matcher(String.valueOf(v).trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(path + "." + key + ": expected a duration such as 2s");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }

  List<YamlMap> list(String key) {
    Object v = values.get(key);
    List<YamlMap> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof List<?> items)) {
      throw new IllegalArgumentException(path + "." + key + ": expected a list");
    }
    for (int i = 0; i < items.size(); i++) {
      out.add(new YamlMap(path + "." + key + "[" + i + "]", items.get(i)));
    }
    return out;
  }

  List<String> strings(String key) {
    Object v = values.get(key);
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> items) {
      items.forEach(i -> out.add(String.valueOf(i)));
    } else if (v != null) {
      out.add(String.valueOf(v));
    }
    return out;
  }

  List<Integer> integers(String key) {
    return strings(key).stream().map(Integer::parseInt).toList();
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  boolean isMap(String key) {
    return values.get(key) instanceof Map<?, ?>;
  }

  YamlMap map(String key) {
    Object v = values.get(key);
    return v == null ? new YamlMap(path + "." + key, Map.of()) : new YamlMap(path + "." + key, v);
  }

  Set<String> keys() {
    Set<String> keys = new java.util.LinkedHashSet<>();
    values.keySet().forEach(k -> keys.add(String.valueOf(k)));
    return keys;
  }
}
