package dev.diligence.api.export;

import java.io.IOException;
import java.util.List;

/** One exported table being written: a row at a time, then closed to finish the file. */
public interface TableWriter extends AutoCloseable {

    /** Writes a row; it has one cell per column of the header. */
    void row(List<Cell> cells) throws IOException;

    /** Finishes the file and flushes it to the stream, which stays open. */
    @Override
    void close() throws IOException;
}
