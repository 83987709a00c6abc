package io.pdmgitops.simulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One endpoint's parameters as its PVE schema declares them ({@code additionalProperties => 0}),
 * checked the way pve-common's {@code JSONSchema::check_object} does: every problem is collected,
 * then one 400 names them all. Path variables that the schema declares (node, vmid) are checked
 * with the body, as PVE merges them before validating.
 */
public record ParamSchema(Map<String, Param> properties) {
  private static final String NOT_IN_SCHEMA =
      "property is not defined in schema and the schema does not allow additional properties";
  private static final Pattern INTEGER = Pattern.compile("^[+-]?\\d+$");
  private static final Pattern NUMBER =
      Pattern.compile("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$");

  public ParamSchema {
    properties = Map.copyOf(properties);
  }

  public static ParamSchema of(List<Param> params) {
    Map<String, Param> byName = new LinkedHashMap<>();
    params.forEach(p -> byName.put(p.name(), p));
    return new ParamSchema(byName);
  }

  public static ParamSchema of(Param... params) {
    return of(List.of(params));
  }

  /** This schema plus more parameters (a later PVE version's additions). */
  public ParamSchema with(Param... more) {
    List<Param> all = new ArrayList<>(properties.values());
    all.addAll(List.of(more));
    return of(all);
  }

  public boolean declares(String name) {
    return properties.containsKey(name);
  }

  /** PVE's value types; form values are strings, so these are the checks JSONSchema runs. */
  public enum Type {
    STRING,
    BOOLEAN,
    INTEGER,
    NUMBER
  }

  /** Registered string formats the simulated endpoints use, with pve-common's messages. */
  public enum Format {
    NONE(null, null),
    PVE_VMID("^[1-9][0-9]{2,8}$", "value does not look like a valid VM ID"),
    PVE_NODE(
        "^([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?)$",
        "value does not look like a valid node name"),
    PVE_STORAGE_ID("^[a-z][a-z0-9\\-_.]*[a-z0-9]$", "storage ID '%s' contains illegal characters");

    private final Pattern pattern;
    private final String message;

    Format(String regex, String message) {
      this.pattern = regex == null ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
      this.message = message;
    }

    /** The error, or null; PVE's format errors keep the die text's trailing newline. */
    String check(String value) {
      if (pattern == null || pattern.matcher(value).matches()) {
        return null;
      }
      return "invalid format - " + String.format(message, value) + "\n";
    }
  }

  /**
   * One declared parameter.
   *
   * @param minimum checked only for numeric values, as JSONSchema does; null for none
   * @param enumeration allowed values; empty for any
   * @param requires another parameter that must be present when this one is
   */
  public record Param(
      String name,
      Type type,
      boolean optional,
      Format format,
      Double minimum,
      List<String> enumeration,
      String requires) {
    public Param {
      enumeration = List.copyOf(enumeration);
    }

    public static Param optional(String name, Type type) {
      return new Param(name, type, true, Format.NONE, null, List.of(), null);
    }

    public static Param required(String name, Type type) {
      return new Param(name, type, false, Format.NONE, null, List.of(), null);
    }

    /** {@code get_standard_option('pve-vmid')}: integer, format pve-vmid, 100..999999999. */
    public static Param vmid(String name, boolean optional) {
      return new Param(name, Type.INTEGER, optional, Format.PVE_VMID, 100.0, List.of(), null);
    }

    /** {@code get_standard_option('pve-node')}. */
    public static Param node(String name, boolean optional) {
      return new Param(name, Type.STRING, optional, Format.PVE_NODE, null, List.of(), null);
    }

    public Param minimum(double min) {
      return new Param(name, type, optional, format, min, enumeration, requires);
    }

    public Param oneOf(String... values) {
      return new Param(name, type, optional, format, minimum, List.of(values), requires);
    }

    public Param format(Format f) {
      return new Param(name, type, optional, f, minimum, enumeration, requires);
    }

    public Param requires(String other) {
      return new Param(name, type, optional, format, minimum, enumeration, other);
    }

    /** The first problem with a present value, in JSONSchema's order, or null. */
    String check(String value) {
      String typeError =
          switch (type) {
            case BOOLEAN -> value.equals("1") || value.equals("0") ? null : typeError(value);
            case INTEGER -> INTEGER.matcher(value).matches() ? null : typeError(value);
            case NUMBER -> NUMBER.matcher(value).matches() ? null : typeError(value);
            case STRING -> null;
          };
      if (typeError != null) {
        return typeError;
      }
      String formatError = format.check(value);
      if (formatError != null) {
        return formatError;
      }
      if (minimum != null && NUMBER.matcher(value).matches()) {
        if (Double.parseDouble(value) < minimum) {
          return "value must have a minimum value of " + plain(minimum);
        }
      }
      if (!enumeration.isEmpty() && !enumeration.contains(value)) {
        return "value '"
            + value
            + "' does not have a value in the enumeration '"
            + String.join(", ", enumeration)
            + "'";
      }
      return null;
    }

    private String typeError(String value) {
      return "type check ('"
          + type.name().toLowerCase(java.util.Locale.ROOT)
          + "') failed - got '"
          + value
          + "'";
    }

    private static String plain(double d) {
      return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
  }

  /** Checks a call's parameters (and the declared path variables); a 400 with all errors. */
  public void validate(Call call) {
    Map<String, String> given = new LinkedHashMap<>(call.request().params());
    call.vars()
        .forEach(
            (k, v) -> {
              if (declares(k)) {
                given.put(k, v);
              }
            });
    Map<String, String> errors = new TreeMap<>();
    for (Param p : properties.values()) {
      String value = given.get(p.name());
      if (value == null) {
        if (!p.optional()) {
          errors.put(p.name(), "property is missing and it is not optional");
        }
        continue;
      }
      String problem = p.check(value);
      if (problem != null) {
        errors.put(p.name(), problem);
      }
    }
    for (String name : given.keySet()) {
      Param p = properties.get(name);
      if (p == null) {
        errors.put(name, NOT_IN_SCHEMA);
      } else if (p.requires() != null && !given.containsKey(p.requires())) {
        errors.put(p.requires(), "missing property - '" + name + "' requires this property");
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(ApiResponse.badParameters(errors));
    }
  }
}
