package id.spm.ingest.layout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The layouts known to an import: the built-ins shipped in the jar ({@code /layouts/*.json}, listed
 * in {@code /layouts/index.txt}) plus a region's own files from a directory. A region file with the
 * name of a built-in replaces it; {@code "extends"} copies a layout and changes only what it lists.
 *
 * <p>
 * File format (JSON):
 *
 * <pre>
 * {
 *   "name": "ekohort-anc-kabX", "title": "…", "target": "AncVisit", "sheet": "first",
 *   "extends": "ekohort-anc",                       // optional
 *   "aliases": { "nik": ["NIK Bumil"] },             // optional: more names for inherited columns
 *   "columns": [                                    // new or replaced columns (by field)
 *     { "field": "date", "header": "Tanggal Kunjungan", "aliases": ["Tgl Kunjungan"],
 *       "type": "date", "required": true, "blankAllowed": false,
 *       "values": { "Lahir Hidup": "LIVE_BIRTH" },   // enum / icd10 vocabulary
 *       "level": "desa", "ranges": ["I10-I15"], "min": 0, "max": 20, "titleFallback": true }
 *   ]
 * }
 * </pre>
 */
public final class LayoutRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Layout> layouts;

    private LayoutRegistry(Map<String, Layout> layouts) {
        this.layouts = layouts;
    }

    /** The built-in layouts of formats.md. */
    public static LayoutRegistry builtIn() {
        return withDirectory(null);
    }

    /**
     * Only the layouts of these class-path resources (e.g. {@code /layouts-catalog/blud-capaian.json}): layouts a
     * caller reads on purpose, kept out of the built-ins so that import jobs never detect them.
     *
     * @throws IllegalArgumentException when a resource is missing or not a valid layout
     */
    public static LayoutRegistry ofResources(String... resources) {
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String r : resources) {
            try (InputStream in = LayoutRegistry.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalArgumentException("layout resource " + r + " is missing");
                }
                JsonNode node = JSON.readTree(in);
                raw.put(node.path("name").asText(), node);
                sources.put(node.path("name").asText(), r);
            } catch (IOException e) {
                throw new UncheckedIOException("layout resource " + r, e);
            }
        }
        Map<String, Layout> out = new LinkedHashMap<>();
        for (String name : raw.keySet()) {
            resolve(name, raw, sources, out, new ArrayList<>());
        }
        return new LayoutRegistry(out);
    }

    /**
     * Built-ins plus every {@code *.json} in {@code directory} (which may be {@code null}).
     *
     * @throws IllegalArgumentException when a file is not a valid layout (with the file and the reason)
     */
    public static LayoutRegistry withDirectory(Path directory) {
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String file : builtInFiles()) {
            try (InputStream in = LayoutRegistry.class.getResourceAsStream("/layouts/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("built-in layout " + file + " is missing from the jar");
                }
                JsonNode node = JSON.readTree(in);
                raw.put(node.path("name").asText(), node);
                sources.put(node.path("name").asText(), "built-in");
            } catch (IOException e) {
                throw new UncheckedIOException("built-in layout " + file, e);
            }
        }
        if (directory != null) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "*.json")) {
                List<Path> files = new ArrayList<>();
                ds.forEach(files::add);
                files.sort(null);
                for (Path p : files) {
                    JsonNode node;
                    try {
                        node = JSON.readTree(p.toFile());
                    } catch (IOException e) {
                        throw new IllegalArgumentException("layout file " + p + " is not valid JSON: " + e.getMessage(),
                                e);
                    }
                    String name = node.path("name").asText("");
                    if (name.isBlank()) {
                        throw new IllegalArgumentException("layout file " + p + " has no \"name\"");
                    }
                    raw.put(name, node);
                    sources.put(name, p.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("layout directory " + directory, e);
            }
        }
        Map<String, Layout> out = new LinkedHashMap<>();
        for (String name : raw.keySet()) {
            resolve(name, raw, sources, out, new ArrayList<>());
        }
        return new LayoutRegistry(out);
    }

    /**
     * The layouts of typed form inputs (issue 10; reports.md §9: {@code anggaran}, {@code kendala},
     * {@code fasyankes-sdm}, {@code kebutuhan-sdm}, {@code rencana}), listed in {@code /input-layouts/index.txt}.
     * Kept apart from the built-ins, so an import job never detects them: their rows are typed figures of a
     * report, not facts of the computation.
     */
    public static LayoutRegistry formInputs() {
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String file : files("/input-layouts/")) {
            try (InputStream in = LayoutRegistry.class.getResourceAsStream("/input-layouts/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("input layout " + file + " is missing from the jar");
                }
                JsonNode node = JSON.readTree(in);
                raw.put(node.path("name").asText(), node);
                sources.put(node.path("name").asText(), "built-in");
            } catch (IOException e) {
                throw new UncheckedIOException("input layout " + file, e);
            }
        }
        Map<String, Layout> out = new LinkedHashMap<>();
        for (String name : raw.keySet()) {
            resolve(name, raw, sources, out, new ArrayList<>());
        }
        return new LayoutRegistry(out);
    }

    private static List<String> builtInFiles() {
        return files("/layouts/");
    }

    private static List<String> files(String folder) {
        List<String> files = new ArrayList<>();
        try (InputStream in = LayoutRegistry.class.getResourceAsStream(folder + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException(folder + "index.txt is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    files.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static Layout resolve(String name, Map<String, JsonNode> raw, Map<String, String> sources,
            Map<String, Layout> done, List<String> stack) {
        Layout existing = done.get(name);
        if (existing != null) {
            return existing;
        }
        JsonNode node = raw.get(name);
        if (node == null) {
            throw new IllegalArgumentException("layout '" + stack.get(stack.size() - 1) + "' extends unknown layout '"
                    + name + "'");
        }
        if (stack.contains(name)) {
            throw new IllegalArgumentException("layouts extend each other in a cycle: " + stack + " → " + name);
        }
        stack.add(name);
        String source = sources.get(name);
        Layout base = null;
        String ext = node.path("extends").asText("");
        if (!ext.isBlank()) {
            base = ext.equals(name) ? builtInOnly(name) : resolve(ext, raw, sources, done, stack);
        }
        Map<String, ColumnSpec> cols = new LinkedHashMap<>();
        if (base != null) {
            for (ColumnSpec c : base.columns()) {
                cols.put(c.field(), c);
            }
        }
        for (JsonNode c : node.path("columns")) {
            ColumnSpec spec = column(c, name, source);
            cols.put(spec.field(), spec);
        }
        JsonNode extra = node.path("aliases");
        extra.fieldNames().forEachRemaining(field -> {
            ColumnSpec c = cols.get(field);
            if (c == null) {
                throw new IllegalArgumentException("layout '" + name + "' (" + source + ") adds aliases to unknown field '"
                        + field + "'");
            }
            List<String> aliases = new ArrayList<>(c.aliases());
            extra.get(field).forEach(a -> aliases.add(a.asText()));
            cols.put(field,
                    new ColumnSpec(c.field(), c.header(), aliases, c.type(), c.required(), c.blankAllowed(), c.vocabulary(),
                            c.level(), c.ranges(), c.min(), c.max(), c.titleFallback()));
        });
        String targetName = node.path("target").asText(base == null ? "" : base.target().typeName());
        RowKind target;
        try {
            target = RowKind.of(targetName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("layout '" + name + "' (" + source + "): " + e.getMessage(), e);
        }
        String title = node.path("title").asText(base == null ? name : base.title());
        String sheet = node.path("sheet").asText(base == null ? "first" : base.sheet());
        List<String> key = new ArrayList<>();
        node.path("key").forEach(k -> key.add(k.asText()));
        if (key.isEmpty() && base != null) {
            key.addAll(base.key());
        }
        Layout layout = new Layout(name, title, target, sheet, new ArrayList<>(cols.values()), source, key);
        done.put(name, layout);
        stack.remove(stack.size() - 1);
        return layout;
    }

    private static Layout builtInOnly(String name) {
        Layout l = builtIn().layouts.get(name);
        if (l == null) {
            throw new IllegalArgumentException("layout '" + name + "' extends itself but is not built in");
        }
        return l;
    }

    private static ColumnSpec column(JsonNode c, String layout, String source) {
        String field = c.path("field").asText("");
        String header = c.path("header").asText("");
        if (field.isBlank() || header.isBlank()) {
            throw new IllegalArgumentException("layout '" + layout + "' (" + source
                    + "): every column needs \"field\" and \"header\": " + c);
        }
        ColumnType type;
        try {
            type = ColumnType.parse(c.path("type").asText("text"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("layout '" + layout + "' (" + source + "): column '" + header
                    + "' has unknown type '" + c.path("type").asText() + "'", e);
        }
        List<String> aliases = new ArrayList<>();
        c.path("aliases").forEach(a -> aliases.add(a.asText()));
        Map<String, String> vocab = new LinkedHashMap<>();
        JsonNode values = c.path("values");
        values.fieldNames().forEachRemaining(k -> vocab.put(k, values.get(k).asText()));
        List<String> ranges = new ArrayList<>();
        c.path("ranges").forEach(r -> ranges.add(r.asText()));
        BigDecimal min = c.hasNonNull("min") ? c.get("min").decimalValue() : null;
        BigDecimal max = c.hasNonNull("max") ? c.get("max").decimalValue() : null;
        return new ColumnSpec(field, header, aliases, type, c.path("required").asBoolean(false),
                c.path("blankAllowed").asBoolean(false), vocab,
                c.path("level").asText("any"), ranges, min, max, c.path("titleFallback").asBoolean(false));
    }

    public Collection<Layout> all() {
        return layouts.values();
    }

    public Optional<Layout> find(String name) {
        return Optional.ofNullable(name == null ? null : layouts.get(name.strip()));
    }
}
