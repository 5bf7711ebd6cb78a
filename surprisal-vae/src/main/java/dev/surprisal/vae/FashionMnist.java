// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates Fashion-MNIST (Xiao, Rasul and Vollgraf 2017) as installed by Debian's
 * {@code dataset-fashion-mnist} package. The directory can be overridden with the
 * {@code SURPRISAL_FASHION_MNIST} environment variable or the {@code surprisal.fashionMnist}
 * system property.
 */
public final class FashionMnist {
    /** Where Debian's package puts the gzipped IDX files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** The fix we print when the files are not there. */
    public static final String INSTALL_HINT = "install it with: apt-get install dataset-fashion-mnist";

    private FashionMnist() {
    }

    /**
     * The directory in use.
     *
     * @return the directory the IDX files are read from
     */
    public static Path directory() {
        String p = System.getProperty("surprisal.fashionMnist");
        if (p == null) {
            p = System.getenv("SURPRISAL_FASHION_MNIST");
        }
        return p == null ? DEBIAN_DIR : Path.of(p);
    }

    /**
     * The 60,000 training images.
     *
     * @return the images, pixels in [0, 1]
     * @throws IOException when the dataset is missing or cannot be read
     */
    public static IdxReader.Images train() throws IOException {
        return IdxReader.readImages(file(directory(), "train-images-idx3-ubyte"));
    }

    /**
     * The 10,000 test images.
     *
     * @return the images, pixels in [0, 1]
     * @throws IOException when the dataset is missing or cannot be read
     */
    public static IdxReader.Images test() throws IOException {
        return IdxReader.readImages(file(directory(), "t10k-images-idx3-ubyte"));
    }

    /**
     * The file {@code name} or {@code name.gz} in {@code dir}; a missing file says how to install it.
     *
     * @param dir the dataset's directory
     * @param name the IDX file's name, without .gz
     * @return the file found
     * @throws IOException when neither is there ({@link MissingDatasetException})
     */
    public static Path file(Path dir, String name) throws IOException {
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new MissingDatasetException("Fashion-MNIST not found: no " + gz + " (or " + plain + "); "
                + INSTALL_HINT);
    }

    /** The dataset is not installed; the message carries the install command. */
    public static final class MissingDatasetException extends IOException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message what is missing and the install command
         */
        public MissingDatasetException(String message) {
            super(message);
        }
    }
}
