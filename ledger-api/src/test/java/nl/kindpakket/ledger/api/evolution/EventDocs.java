package nl.kindpakket.ledger.api.evolution;

import java.nio.file.Files;
import java.nio.file.Path;

/** The event catalogue under docs/events, found from the module or the repository root. */
public final class EventDocs {

    private EventDocs() {
    }

    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path docs = dir.resolve("docs/events");
            if (Files.isDirectory(docs)) {
                return docs;
            }
        }
        throw new IllegalStateException("docs/events not found above " + Path.of("").toAbsolutePath());
    }

    public static Path example(String name) {
        return root().resolve("examples").resolve(name);
    }

    public static Path schema(String eventType) {
        return root().resolve("schemas").resolve(eventType + ".schema.json");
    }
}
