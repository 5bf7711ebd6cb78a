// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.counts;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Validate;

import java.util.Arrays;

/**
 * An immutable three-way table of joint counts n(x, y, z), stored flat with index
 * {@code (x·ny + y)·nz + z}. Its two-way marginals n(x, z), n(y, z), n(x, y) and the one-way
 * marginal n(z) are what the conditional mutual information I(X;Y|Z) needs. Tables merge by
 * addition, like {@link Counts}.
 */
public final class ContingencyTable3 {
    private final int nx;
    private final int ny;
    private final int nz;
    private final long[] cells;
    private final long total;

    private ContingencyTable3(int nx, int ny, int nz, long[] cells) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.cells = cells;
        this.total = Validate.counts("table", cells);
    }

    /**
     * A table from a flat array of {@code nx·ny·nz} counts with index {@code (x·ny + y)·nz + z} (copied).
     *
     * @param nx the number of X categories, ≥ 1
     * @param ny the number of Y categories, ≥ 1
     * @param nz the number of Z categories, ≥ 1
     * @param cells the counts, {@code n(x, y, z)} at index {@code (x·ny + y)·nz + z}
     * @return the table
     * @throws IllegalArgumentException on non-positive dimensions, a wrong length, a negative count or a zero total
     */
    public static ContingencyTable3 ofFlat(int nx, int ny, int nz, long[] cells) {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new ValidationException("nx, ny, nz: must be positive, got " + nx + " x " + ny + " x " + nz);
        }
        long size = (long) nx * ny * nz;
        if (cells == null || cells.length != size) {
            throw new ValidationException("cells: expected " + size + " cells, got "
                    + (cells == null ? 0 : cells.length));
        }
        return new ContingencyTable3(nx, ny, nz, cells.clone());
    }

    /**
     * A table from a {@code long[nx][ny][nz]} array (copied).
     *
     * @param table {@code table[x][y][z]} the count of (x, y, z), rectangular, ≥ 0, positive total
     * @return the table
     */
    public static ContingencyTable3 of(long[][][] table) {
        if (table == null || table.length == 0 || table[0] == null || table[0].length == 0
                || table[0][0] == null || table[0][0].length == 0) {
            throw new ValidationException("table: is empty");
        }
        int nx = table.length;
        int ny = table[0].length;
        int nz = table[0][0].length;
        long[] flat = new long[nx * ny * nz];
        for (int x = 0; x < nx; x++) {
            if (table[x] == null || table[x].length != ny) {
                throw new ValidationException("table[" + x + "]: has a different shape than table[0]");
            }
            for (int y = 0; y < ny; y++) {
                if (table[x][y] == null || table[x][y].length != nz) {
                    throw new ValidationException("table[" + x + "][" + y + "]: has a different length than table[0][0]");
                }
                System.arraycopy(table[x][y], 0, flat, (x * ny + y) * nz, nz);
            }
        }
        return new ContingencyTable3(nx, ny, nz, flat);
    }

    static ContingencyTable3 wrapFlat(int nx, int ny, int nz, long[] cells) {
        return new ContingencyTable3(nx, ny, nz, cells);
    }

    /**
     * @return the number of X categories
     */
    public int sizeX() {
        return nx;
    }

    /**
     * @return the number of Y categories
     */
    public int sizeY() {
        return ny;
    }

    /**
     * @return the number of Z categories
     */
    public int sizeZ() {
        return nz;
    }

    /**
     * n(x, y, z).
     *
     * @param x an X category
     * @param y a Y category
     * @param z a Z category
     * @return the count n(x, y, z)
     */
    public long get(int x, int y, int z) {
        return cells[(x * ny + y) * nz + z];
    }

    /**
     * Total count N.
     *
     * @return the total count N
     */
    public long total() {
        return total;
    }

    /**
     * The marginal table n(x, z): rows X, columns Z.
     *
     * @return n(x, z), summed over y
     */
    public ContingencyTable xz() {
        long[] m = new long[nx * nz];
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                int base = (x * ny + y) * nz;
                for (int z = 0; z < nz; z++) {
                    m[x * nz + z] += cells[base + z];
                }
            }
        }
        return ContingencyTable.wrapFlat(nx, nz, m);
    }

    /**
     * The marginal table n(y, z): rows Y, columns Z.
     *
     * @return n(y, z), summed over x
     */
    public ContingencyTable yz() {
        long[] m = new long[ny * nz];
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                int base = (x * ny + y) * nz;
                for (int z = 0; z < nz; z++) {
                    m[y * nz + z] += cells[base + z];
                }
            }
        }
        return ContingencyTable.wrapFlat(ny, nz, m);
    }

    /**
     * The marginal table n(x, y): rows X, columns Y.
     *
     * @return n(x, y), summed over z
     */
    public ContingencyTable xy() {
        long[] m = new long[nx * ny];
        for (int xy = 0; xy < nx * ny; xy++) {
            long s = 0;
            for (int z = 0; z < nz; z++) {
                s += cells[xy * nz + z];
            }
            m[xy] = s;
        }
        return ContingencyTable.wrapFlat(nx, ny, m);
    }

    /**
     * The table of X against the pair (Y, Z): rows X, columns {@code y·nz + z}; for I(X; Y,Z).
     *
     * @return rows X, columns the pairs (y, z) at {@code y·nz + z}
     */
    public ContingencyTable xByYz() {
        return ContingencyTable.wrapFlat(nx, ny * nz, cells.clone());
    }

    /**
     * The marginal counts n(z).
     *
     * @return n(z), summed over x and y
     */
    public Counts z() {
        long[] m = new long[nz];
        for (int k = 0; k < cells.length; k++) {
            m[k % nz] += cells[k];
        }
        return Counts.wrap(m);
    }

    /**
     * All cells as one histogram over (x, y, z) triples; used for H(X,Y,Z).
     *
     * @return every cell as one histogram, in flat order
     */
    public Counts jointCounts() {
        return Counts.wrap(cells.clone());
    }

    /**
     * A copy of the cells in flat order {@code (x·ny + y)·nz + z}.
     *
     * @return a copy of the cells in flat order {@code (x·ny + y)·nz + z}
     */
    public long[] toFlatArray() {
        return cells.clone();
    }

    /**
     * The cell-wise sum of two tables of the same shape.
     *
     * @param other a table of the same shape over the same categories
     * @return a new table, cell by cell the sum
     */
    public ContingencyTable3 merge(ContingencyTable3 other) {
        if (other.nx != nx || other.ny != ny || other.nz != nz) {
            throw new ValidationException("other: is " + other.nx + " x " + other.ny + " x " + other.nz
                    + ", this is " + nx + " x " + ny + " x " + nz);
        }
        long[] sum = new long[cells.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.addExact(cells[i], other.cells[i]);
        }
        return new ContingencyTable3(nx, ny, nz, sum);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ContingencyTable3)) {
            return false;
        }
        ContingencyTable3 t = (ContingencyTable3) o;
        return t.nx == nx && t.ny == ny && t.nz == nz && Arrays.equals(t.cells, cells);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * nx + ny) + nz) + Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        return "ContingencyTable3[" + nx + " x " + ny + " x " + nz + ", N=" + total + "]";
    }
}
