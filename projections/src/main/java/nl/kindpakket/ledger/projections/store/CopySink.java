package nl.kindpakket.ledger.projections.store;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows sent with PostgreSQL's COPY, a chunk of about a megabyte per table at a time, by a thread of its own: the
 * folding thread goes on while the database stores the previous chunk. At most a few chunks wait, so memory stays
 * bounded whatever the number of rows. A table whose columns are all integers, booleans, text, dates or moments goes
 * in COPY's binary format ({@link BinaryRows}): neither side then turns numbers and moments into digits and back, which
 * took a third of the folding thread and much of PostgreSQL's share of a replay; a table with another type (the
 * overhead's decimal FTE) goes in the text format. A binary chunk's buffer is filled again once sent, not made anew:
 * at about a megabyte it is a "humongous" object to G1 with a 512 MB heap. Chunks of 200 kB avoided that, but a full run
 * with them took PostgreSQL 49 CPU-s for the replay of 2,000,000 events against 30 with 1 MB chunks, five times the
 * COPY statements.
 */
final class CopySink implements BulkSink {

    private static final int CHUNK_BYTES = 1 << 20;
    private static final int BUFFER_BYTES = CHUNK_BYTES + 4096;
    private static final int CHUNKS_WAITING = 4;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    private final Connection connection;
    private final CopyManager copy;
    private final Map<String, Chunk> chunks = new HashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "copy-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore waiting = new Semaphore(CHUNKS_WAITING);
    /** Sent binary chunks' buffers, filled again rather than made anew: each is a humongous region to G1. */
    private final Queue<byte[]> spare = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    CopySink(Connection connection) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    @Override
    public void append(String table, List<String> columns, Object[] values) {
        Chunk chunk = chunks.get(table);
        if (chunk == null) {
            chunk = chunkFor(table, columns);
            chunks.put(table, chunk);
        }
        chunk.rows().add(values);
        if (chunk.rows().size() >= CHUNK_BYTES) {
            send(chunk);
        }
    }

    /** Binary when every column's type is one {@link BinaryRows} writes; the types are read on the writer's thread, which owns the connection. */
    private Chunk chunkFor(String table, List<String> columns) {
        String columnList = " (" + String.join(", ", columns) + ") FROM STDIN";
        byte[] types;
        try {
            types = writer.submit(() -> BinaryRows.types(connection, table, columns)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the column types of " + table + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the column types of " + table, e);
        }
        return types == null ? new Chunk("COPY " + table + columnList, new TextRows())
                : new Chunk("COPY " + table + columnList + " (FORMAT binary)", new BinaryRows(types, BUFFER_BYTES));
    }

    @Override
    public void finish() {
        chunks.values().forEach(chunk -> {
            if (!chunk.rows().isEmpty()) {
                send(chunk);
            }
        });
        try {
            waiting.acquire(CHUNKS_WAITING);
            waiting.release(CHUNKS_WAITING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rows were being written", e);
        }
        rethrow();
    }

    @Override
    public void close() {
        writer.shutdownNow();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Chunk chunk) {
        rethrow();
        HeldRows.Taken taken = chunk.rows().take(spare.poll());
        try {
            waiting.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rows were being written", e);
        }
        writer.execute(() -> {
            try {
                if (failure.get() == null) {
                    copy.copyIn(chunk.sql(), new ByteArrayInputStream(taken.bytes(), 0, taken.length()));
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                if (taken.bytes().length == BUFFER_BYTES) {
                    spare.offer(taken.bytes());
                }
                waiting.release();
            }
        });
    }

    private void rethrow() {
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("writing rows with COPY failed: " + failed.getMessage(), failed);
        }
    }

    /** A value in COPY's text format: \N for null, and backslash, tab and line ends escaped in text. */
    private static void write(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String string) {
            for (int i = 0; i < string.length(); i++) {
                char c = string.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        } else if (value instanceof Boolean truth) {
            text.append(truth ? 't' : 'f');
        } else if (value instanceof OffsetDateTime moment) {
            writeMoment(text, moment.withOffsetSameInstant(ZoneOffset.UTC));
        } else if (value instanceof Long number) {
            text.append(number.longValue());
        } else if (value instanceof Integer number) {
            text.append(number.intValue());
        } else if (value instanceof LocalDate date && date.getYear() >= 1000 && date.getYear() <= 9999) {
            text.append(date.getYear()).append('-');
            two(text, date.getMonthValue()).append('-');
            two(text, date.getDayOfMonth());
        } else if (value instanceof BigDecimal number) {
            text.append(number.toPlainString());
        } else {
            text.append(value);
        }
    }

    /** {@code 2026-12-04 21:30:20.123456+00}: what PostgreSQL reads back exactly, written without a formatter. */
    private static void writeMoment(StringBuilder text, OffsetDateTime utc) {
        int year = utc.getYear();
        if (year < 1000 || year > 9999) {
            MOMENT.formatTo(utc, text);
            return;
        }
        text.append(year).append('-');
        two(text, utc.getMonthValue()).append('-');
        two(text, utc.getDayOfMonth()).append(' ');
        two(text, utc.getHour()).append(':');
        two(text, utc.getMinute()).append(':');
        two(text, utc.getSecond()).append('.');
        int micros = utc.getNano() / 1_000;
        for (int unit = 100_000; unit > 0; unit /= 10) {
            text.append((char) ('0' + micros / unit % 10));
        }
        text.append("+00");
    }

    private static StringBuilder two(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** A table's COPY statement and its rows held until they are sent. */
    private record Chunk(String sql, HeldRows rows) {
    }

    /** Rows in COPY's text format: tab between values, a line per row. */
    private static final class TextRows implements HeldRows {

        private final StringBuilder text = new StringBuilder(CHUNK_BYTES + 4096);

        @Override
        public void add(Object[] values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                write(text, values[i]);
            }
            text.append('\n');
        }

        @Override
        public boolean isEmpty() {
            return text.length() == 0;
        }

        @Override
        public int size() {
            return text.length();
        }

        @Override
        public Taken take(byte[] spare) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            text.setLength(0);
            return new Taken(bytes, bytes.length);
        }
    }
}
