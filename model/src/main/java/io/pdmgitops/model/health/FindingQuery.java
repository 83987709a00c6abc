package io.pdmgitops.model.health;

import io.pdmgitops.model.fleet.SearchSyntaxException;
import io.pdmgitops.model.fleet.SearchText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Health page's search, in the resource search's syntax ({@code +finding:backup-missing
 * remote:dc-east}): {@code finding} (a rule, by prefix: {@code finding:subscription}), {@code
 * severity}, {@code remote}, {@code node}, {@code guest} (a VMID); a bare word is looked for in the
 * finding's text. Required ({@code +}) and optional terms combine as in PDM.
 */
public final class FindingQuery {
  /** The categories, as written before the colon. */
  public static final List<String> CATEGORIES =
      List.of("finding", "severity", "remote", "node", "guest");

  private record Term(boolean required, Optional<String> category, String value) {}

  private final List<Term> terms;

  private FindingQuery(List<Term> terms) {
    this.terms = terms;
  }

  /** Parses a search; bad input throws with the column and a way to write it. */
  public static FindingQuery parse(String text) {
    return new FindingQuery(SearchText.split(text).stream().map(FindingQuery::term).toList());
  }

  private static Term term(SearchText.Raw raw) {
    String value = raw.value().toLowerCase(Locale.ROOT);
    if (raw.category().isEmpty()) {
      return new Term(raw.required(), Optional.empty(), value);
    }
    String c = raw.category().get();
    if (!CATEGORIES.contains(c)) {
      throw new SearchSyntaxException(
          "unknown category '"
              + c
              + "' at column "
              + raw.column()
              + "; use one of: "
              + String.join(", ", CATEGORIES),
          raw.column());
    }
    if (value.isEmpty()) {
      throw new SearchSyntaxException(
          "'" + c + ":' at column " + raw.column() + " needs a value, e.g. finding:backup-missing",
          raw.column());
    }
    if (c.equals("severity")
        && java.util.Arrays.stream(Severity.values()).noneMatch(s -> s.label().equals(value))) {
      throw new SearchSyntaxException(
          "severity: takes critical, warning or info, not '"
              + value
              + "' (column "
              + raw.column()
              + ")",
          raw.column());
    }
    if (c.equals("guest") && !value.matches("[0-9]{1,9}")) {
      throw new SearchSyntaxException(
          "guest: takes a VMID, not '" + value + "' (column " + raw.column() + ")", raw.column());
    }
    return new Term(raw.required(), Optional.of(c), value);
  }

  public boolean matches(Finding f) {
    return SearchText.matches(terms, Term::required, t -> matches(t, f));
  }

  private static boolean matches(Term t, Finding f) {
    String v = t.value();
    if (t.category().isEmpty()) {
      return (f.rule() + " " + f.why() + " " + f.fix()).toLowerCase(Locale.ROOT).contains(v);
    }
    return switch (t.category().get()) {
      case "finding" -> f.rule().startsWith(v);
      case "severity" -> f.severity().label().equals(v);
      case "remote" -> f.remote().toLowerCase(Locale.ROOT).contains(v);
      case "node" -> f.node().map(n -> n.toLowerCase(Locale.ROOT).contains(v)).orElse(false);
      default -> f.guest().map(g -> String.valueOf(g).equals(v)).orElse(false);
    };
  }
}
