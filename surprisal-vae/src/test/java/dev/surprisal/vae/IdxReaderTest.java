// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    static byte[] idx3(int magic, int n, int rows, int cols, int bodyBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(n);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < bodyBytes; i++) {
            out.writeByte(i % 256);
        }
        return bytes.toByteArray();
    }

    @Test
    void readsPlainAndGzippedImagesAndLabels() throws IOException {
        byte[] img = idx3(0x00000803, 2, 3, 4, 24);
        Path plain = Files.write(dir.resolve("img-idx3-ubyte"), img);
        Path gz = dir.resolve("img-idx3-ubyte.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(img);
        }
        for (Path p : new Path[] {plain, gz}) {
            IdxReader.Images images = IdxReader.readImages(p);
            assertThat(images.count()).isEqualTo(2);
            assertThat(images.rows()).isEqualTo(3);
            assertThat(images.cols()).isEqualTo(4);
            assertThat(images.pixels()).hasSize(24);
            assertThat(images.pixels()[0]).isEqualTo(0f);
            assertThat(images.pixels()[23]).isEqualTo(23 / 255f);
        }
        Path labels = Files.write(dir.resolve("lab"), new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 7, 0, (byte) 200});
        assertThat(IdxReader.readLabels(labels)).containsExactly(7, 0, 200);
    }

    @Test
    void corruptHeaderGivesAClearError() throws IOException {
        Path bad = Files.write(dir.resolve("bad"), idx3(0x00000903, 2, 3, 4, 24));
        assertThatThrownBy(() -> IdxReader.readImages(bad)).isInstanceOf(IdxReader.CorruptIdxException.class)
                .hasMessageContaining("bad IDX magic number 0x00000903").hasMessageContaining("0x00000803");
        Path labelsAsImages = Files.write(dir.resolve("lab"), new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 7});
        assertThatThrownBy(() -> IdxReader.readImages(labelsAsImages)).hasMessageContaining("3 dimensions");
        Path truncated = Files.write(dir.resolve("trunc"), idx3(0x00000803, 2, 3, 4, 10));
        assertThatThrownBy(() -> IdxReader.readImages(truncated)).hasMessageContaining("truncated");
        Path tiny = Files.write(dir.resolve("tiny"), new byte[] {0, 0});
        assertThatThrownBy(() -> IdxReader.readImages(tiny)).hasMessageContaining("shorter than");
        Path negative = Files.write(dir.resolve("neg"), idx3(0x00000803, -2, 3, 4, 0));
        assertThatThrownBy(() -> IdxReader.readImages(negative)).hasMessageContaining("dimension 0 is -2");
    }

    @Test
    void missingDatasetSaysHowToInstallIt() {
        assertThatThrownBy(() -> FashionMnist.file(dir, "train-images-idx3-ubyte"))
                .isInstanceOf(FashionMnist.MissingDatasetException.class)
                .hasMessageContaining("apt-get install dataset-fashion-mnist");
    }

    /** Needs Debian's dataset-fashion-mnist; fails with the install command when it is absent. */
    @Test
    void readsTheInstalledFashionMnistTestSet() throws IOException {
        IdxReader.Images test = FashionMnist.test();
        assertThat(test.count()).isEqualTo(10_000);
        assertThat(test.rows()).isEqualTo(28);
        assertThat(test.cols()).isEqualTo(28);
    }
}
