package nl.kindpakket.ledger.api.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

/** The files of ops/deploy, read as their tools would read them. */
final class DeploymentAssets {

    private static final Pattern SERIES = Pattern.compile("\\b(?:ledger|http_server|hikaricp|jvm)_[a-z_]+\\b");

    private DeploymentAssets() {
    }

    static Path dir() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isDirectory(at.resolve("ops/deploy"))) {
                return at.resolve("ops/deploy");
            }
        }
        throw new IllegalStateException("ops/deploy not found above " + Path.of("").toAbsolutePath());
    }

    static String text(String file) {
        try {
            return Files.readString(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String file) {
        return (Map<String, Object>) new Yaml().load(text(file));
    }

    /**
     * An HAProxy configuration as its sections ("global", "backend ledger", …), each with its directives in order,
     * comments and indentation dropped.
     */
    static Map<String, List<String>> haproxy(String file) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text(file).split("\n")) {
            String directive = line.replaceFirst("#.*", "").strip();
            if (directive.isEmpty()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                current = new ArrayList<>();
                sections.put(directive, current);
            } else if (current == null) {
                throw new IllegalStateException(file + ": a directive before any section: " + line);
            } else {
                current.add(directive.replaceAll("\\s+", " "));
            }
        }
        return sections;
    }

    /** The service's application.yml, its first document (the defaults, before any profile). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> applicationYaml() {
        try (var in = DeploymentAssets.class.getResourceAsStream("/application.yml")) {
            return (Map<String, Object>) new Yaml().loadAll(in).iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(text("grafana-dashboard.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every series name a dashboard panel queries. */
    static Set<String> dashboardSeries() {
        Set<String> series = new LinkedHashSet<>();
        dashboard().path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> series.addAll(seriesIn(target.path("expr").asText()))));
        return series;
    }

    static Set<String> seriesIn(String expression) {
        Set<String> series = new LinkedHashSet<>();
        Matcher matcher = SERIES.matcher(expression);
        while (matcher.find()) {
            series.add(matcher.group());
        }
        return series;
    }
}
