package dev.surprisal.cli.tour;

import dev.surprisal.text.file.AdaptiveContextModel;
import dev.surprisal.text.file.CompressedSizes;
import dev.surprisal.text.file.ConditionalEntropy;
import dev.surprisal.text.file.EntAnalysis;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Order-0 entropy is not the compression limit for text: context models and real codecs beat it. */
final class FileEntropySection implements TourSection {
    static final String TEXT = "Entropy is the bound on lossless compression, but only for the model you assume. "
            + "If every byte were drawn independently, no code could beat the order-0 entropy of the bytes. "
            + "Text is not like that: after 'th' an 'e' is likely, after 'informatio' an 'n' is certain. "
            + "A model that looks at the previous bytes predicts better, and so it compresses better. ";

    @Override
    public String title() {
        return "File entropy: which bound does a compressor meet?";
    }

    @Override
    public void print(PrintWriter out) {
        byte[] data = TEXT.repeat(8).getBytes(StandardCharsets.UTF_8);
        EntAnalysis ent = EntAnalysis.of(data);
        out.printf("A %d-byte English paragraph (repeated 8 times):%n", data.length);
        out.printf("  order-0 entropy (what `ent` reports)   %.3f bits/byte%n", ent.entropyBitsPerByte());
        out.printf("  H(X | previous 2 bytes), plug-in       %.3f bits/byte%n", ConditionalEntropy.bitsPerByte(data, 2));
        out.printf("  adaptive PPM-C order 2                 %.3f bits/byte%n",
                AdaptiveContextModel.ppmc(2, true).codeLengthBits(data) / data.length);
        out.printf("  deflate -9 (real file size)            %.3f bits/byte%n",
                8.0 * CompressedSizes.size(CompressedSizes.Codec.DEFLATE_9, data) / data.length);
        out.println();
        out.println("  Deflate finds the 8 repeats and pays almost nothing for copies 2..8; order-0 entropy cannot see them.");
        out.println("  On random bytes every line above is 8 bits/byte (or a little more): nothing to exploit.");
        out.println("  try: surprisal file /usr/share/common-licenses/GPL-3 --explain");
    }
}
