package dev.diligence.api.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A summary as a table of single values, one a row, each labelled by its section (e.g. a dimension)
 * and its measure (e.g. its mean): one header whatever the values, so that numbers, instants and
 * text keep their own cell types, and the table sorts and filters like any other.
 */
public final class LabelledValues {

    public static final List<String> HEADER = List.of("Section", "Measure", "Value");

    private final List<List<Cell>> rows = new ArrayList<>();

    public LabelledValues add(String section, String measure, Cell value) {
        rows.add(List.of(Cell.text(section), Cell.text(measure), value));
        return this;
    }

    public Table table(String title) {
        return new Table(title, HEADER, rows);
    }
}
