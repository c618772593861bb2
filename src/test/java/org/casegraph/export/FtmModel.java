package org.casegraph.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FollowTheMoney model of {@code src/test/resources/ftm/defaultModel.json}
 * (followthemoney 3.8.4), and a validator of exported lines against it, written from the
 * model's own definitions: schemata with the properties they inherit through
 * {@code extends}, {@code abstract}, {@code required} and {@code edge}, and property
 * types ({@code entity} with its {@code range}, {@code date}, {@code country} with the
 * codes {@code types.country.values} lists, {@code url}), with each property's
 * {@code maxLength}.
 */
final class FtmModel {

    /**
     * followthemoney's EntityType id pattern (types/entity.py), with its length limit of
     * 200.
     */
    private static final Pattern ID = Pattern.compile("[0-9a-zA-Z]([0-9a-zA-Z.\\-]*[0-9a-zA-Z])?");

    /**
     * ISO 8601 with the precision prefixes FtM's date type allows: 2021, 2021-02,
     * 2021-02-16, …T21:48:52.
     */
    private static final Pattern DATE = Pattern
        .compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T\\d{2}(?::\\d{2}(?::\\d{2})?)?)?)?)?");

    record Property(String name, String type, String range, int maxLength) {
    }

    record Schema(String name, boolean isAbstract, Set<String> ancestors, Map<String, Property> properties,
            Set<String> required, String edgeSource, String edgeTarget) {

        boolean is(String other) {
            return this.name.equals(other) || this.ancestors.contains(other);
        }

    }

    private final Map<String, Schema> schemata = new HashMap<>();

    private final Set<String> countries = new HashSet<>();

    private FtmModel(JsonNode model) {
        JsonNode all = model.get("schemata");
        for (String name : all.propertyNames()) {
            this.schemata.put(name, resolve(all, name));
        }
        model.get("types").get("country").get("values").propertyNames().forEach(this.countries::add);
    }

    static FtmModel load() {
        try (InputStream in = FtmModel.class.getResourceAsStream("/ftm/defaultModel.json")) {
            return new FtmModel(JsonMapper.builder().build().readTree(in));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    Schema schema(String name) {
        return this.schemata.get(name);
    }

    Set<String> countryCodes() {
        return this.countries;
    }

    /** A schema with everything it inherits, nearest definition first. */
    private static Schema resolve(JsonNode all, String name) {
        JsonNode schema = all.get(name);
        Map<String, Property> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        Set<String> ancestors = new LinkedHashSet<>();
        collect(all, name, properties, required, ancestors);
        ancestors.remove(name);
        JsonNode edge = schema.get("edge");
        return new Schema(name, schema.path("abstract").asBoolean(false), ancestors, properties, required,
                edge == null ? null : edge.get("source").asString(),
                edge == null ? null : edge.get("target").asString());
    }

    private static void collect(JsonNode all, String name, Map<String, Property> properties, Set<String> required,
            Set<String> ancestors) {
        if (!ancestors.add(name)) {
            return;
        }
        JsonNode schema = all.get(name);
        JsonNode own = schema.path("properties");
        for (String property : own.propertyNames()) {
            JsonNode definition = own.get(property);
            properties.putIfAbsent(property,
                    new Property(property, definition.get("type").asString(),
                            definition.has("range") ? definition.get("range").asString() : null,
                            definition.path("maxLength").asInt(Integer.MAX_VALUE)));
        }
        schema.path("required").forEach((field) -> required.add(field.asString()));
        schema.path("extends").forEach((parent) -> collect(all, parent.asString(), properties, required, ancestors));
    }

    /**
     * Every problem of the lines, as "line N (id): problem"; empty when all of them
     * validate.
     */
    List<String> validate(List<JsonNode> lines) {
        List<String> problems = new ArrayList<>();
        Map<String, String> schemaById = new HashMap<>();
        for (JsonNode line : lines) {
            if (line.has("id") && line.get("id").isString() && line.has("schema")) {
                if (schemaById.put(line.get("id").asString(), line.get("schema").asString()) != null) {
                    problems.add("id " + line.get("id").asString() + " is used twice");
                }
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String where = "line " + (i + 1) + " (" + line.path("id").asString("?") + ")";
            validate(line, schemaById, (problem) -> problems.add(where + ": " + problem));
        }
        return problems;
    }

    private void validate(JsonNode line, Map<String, String> schemaById, java.util.function.Consumer<String> problem) {
        for (String key : line.propertyNames()) {
            if (!Set.of("id", "schema", "properties").contains(key)) {
                problem.accept("unexpected key '" + key + "'");
            }
        }
        String id = line.path("id").asString("");
        if (id.length() > 200 || !ID.matcher(id).matches()) {
            problem.accept("id '" + id + "' is not an FtM entity id");
        }
        Schema schema = this.schemata.get(line.path("schema").asString(""));
        if (schema == null) {
            problem.accept("unknown schema '" + line.path("schema").asString("") + "'");
            return;
        }
        if (schema.isAbstract()) {
            problem.accept("schema " + schema.name() + " is abstract");
        }
        JsonNode properties = line.get("properties");
        if (properties == null || !properties.isObject()) {
            problem.accept("properties is not an object");
            return;
        }
        for (String required : schema.required()) {
            if (!properties.has(required)) {
                problem.accept(schema.name() + " requires " + required);
            }
        }
        if (schema.edgeSource() != null) {
            for (String end : List.of(schema.edgeSource(), schema.edgeTarget())) {
                if (!properties.has(end)) {
                    problem.accept("edge " + schema.name() + " lacks its " + end);
                }
            }
        }
        for (String name : properties.propertyNames()) {
            Property property = schema.properties().get(name);
            if (property == null) {
                problem.accept(schema.name() + " has no property '" + name + "'");
                continue;
            }
            JsonNode values = properties.get(name);
            if (!values.isArray() || values.isEmpty()) {
                problem.accept(name + " is not a non-empty list");
                continue;
            }
            for (JsonNode value : values) {
                if (!value.isString()) {
                    problem.accept(name + " holds a value that is not a string: " + value);
                    continue;
                }
                String text = value.asString();
                if (text.length() > property.maxLength()) {
                    problem.accept(name + " is longer than " + property.maxLength());
                }
                switch (property.type()) {
                    case "entity" -> {
                        String target = schemaById.get(text);
                        if (target == null) {
                            problem.accept(name + " points at " + text + ", which is not in the export");
                        }
                        else if (property.range() != null && !this.schemata.get(target).is(property.range())) {
                            problem.accept(name + " points at a " + target + ", not a " + property.range());
                        }
                    }
                    case "date" -> {
                        if (!isDate(text)) {
                            problem.accept(name + " '" + text + "' is not an ISO date");
                        }
                    }
                    case "country" -> {
                        if (!this.countries.contains(text)) {
                            problem.accept(name + " '" + text + "' is not one of the model's country codes");
                        }
                    }
                    case "url" -> {
                        if (!text.matches("https?://\\S+")) {
                            problem.accept(name + " '" + text + "' is not a URL");
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    static boolean isDate(String text) {
        Matcher date = DATE.matcher(text);
        if (!date.matches()) {
            return false;
        }
        try {
            if (date.group(3) != null) {
                LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(3)));
            }
            else if (date.group(2) != null) {
                YearMonth.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)));
            }
            return true;
        }
        catch (DateTimeException ex) {
            return false;
        }
    }

}
