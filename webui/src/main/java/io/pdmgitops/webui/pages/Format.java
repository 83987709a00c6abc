package io.pdmgitops.webui.pages;

import io.pdmgitops.model.fleet.FleetResource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Numbers as admins read them; used by the templates as {@code #fmt}-like helpers. */
public final class Format {
  public String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
  }

  public String bytes(double bytes) {
    return bytes(Math.round(bytes));
  }

  public String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  public int percentValue(double share) {
    return (int) Math.max(0, Math.min(100, Math.round(share * 100)));
  }

  public double share(long used, long total) {
    return total <= 0 ? 0 : (double) used / total;
  }

  /** "SYNCED" to "Synced", "OUT_OF_SYNC" to "OutOfSync", as Argo CD users read them. */
  public String status(Enum<?> value) {
    StringBuilder out = new StringBuilder();
    for (String part : value.name().split("_")) {
      out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * An ISO-8601 instant as people read it, to the second, in UTC ("2026-12-01 09:30:04"; the {@code
   * datetime} attribute keeps the exact value). Anything else ("—", "on schedule") is shown as it
   * is.
   */
  public String time(String iso) {
    if (iso == null) {
      return "";
    }
    try {
      return TIME.format(Instant.parse(iso));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  /** The first 8 characters of a commit id, as Git shows it. */
  public String shortSha(String sha) {
    return sha.length() <= 8 ? sha : sha.substring(0, 8);
  }

  /** Whether two endpoint URLs name the same place, a trailing slash aside. */
  public boolean sameEndpoint(String a, String b) {
    return a.replaceAll("/+$", "").equalsIgnoreCase(b.replaceAll("/+$", ""));
  }

  /** Where a row of the resource table leads: a guest's page, or the page of its remote. */
  public String detailHref(FleetResource r) {
    String remote = URLEncoder.encode(r.remote(), StandardCharsets.UTF_8).replace("+", "%20");
    return r.type().isGuest() && r.vmid().isPresent()
        ? "/guests/" + remote + "/" + r.vmid().get()
        : "/remotes/" + remote;
  }

  /** A status word in people's spelling: "OUT_OF_SYNC" to "OutOfSync", "running" unchanged. */
  public String word(String status) {
    if (!status.equals(status.toUpperCase(Locale.ROOT))) {
      return status;
    }
    StringBuilder out = new StringBuilder();
    for (String part : status.split("_")) {
      if (!part.isEmpty()) {
        out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return out.toString();
  }

  /** The CSS class for a status word. */
  public String tone(String status) {
    return switch (status.toLowerCase(Locale.ROOT)) {
      case "running", "online", "available", "synced", "healthy" -> "ok";
      case "stopped", "progressing", "paused" -> "muted";
      case "outofsync", "out_of_sync", "degraded" -> "warn";
      case "missing", "offline", "error", "failed" -> "bad";
      case "ok" -> "ok";
      case "warning" -> "warn";
      default -> "unknown";
    };
  }
}
