#!/usr/bin/python3
"""Faithful PyTorch copy of surprisal-vae's reference VAE, for bench/vae_bench.sh.

Same model (784-400-20-400-784, ReLU, Gaussian encoder, Bernoulli decoder with BCE on logits,
loss summed over the batch), Adam lr 1e-3, batch 128, shuffled every epoch, PyTorch's default
nn.Linear initialisation, test -ELBO with one reparameterised sample per image, nats per image.
Prints one JSON line per epoch.
"""
import argparse, gzip, json, struct, sys, time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx_images(path):
    with (gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")) as f:
        magic, n, r, c = struct.unpack(">IIII", f.read(16))
        assert magic == 0x803, hex(magic)
        return np.frombuffer(f.read(n * r * c), dtype=np.uint8).reshape(n, r * c).astype(np.float32) / 255.0


class VAE(nn.Module):
    def __init__(self, d=784, h=400, l=20):
        super().__init__()
        self.fc1, self.fc21, self.fc22 = nn.Linear(d, h), nn.Linear(h, l), nn.Linear(h, l)
        self.fc3, self.fc4 = nn.Linear(l, h), nn.Linear(h, d)

    def forward(self, x):
        h = F.relu(self.fc1(x))
        mu, logvar = self.fc21(h), self.fc22(h)
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
        return self.fc4(F.relu(self.fc3(z))), mu, logvar


def terms(model, x):
    logits, mu, logvar = model(x)
    rec = F.binary_cross_entropy_with_logits(logits, x, reduction="sum")
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return rec, kl


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=128)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    train = torch.from_numpy(read_idx_images(a.data + "/train-images-idx3-ubyte.gz"))
    test = torch.from_numpy(read_idx_images(a.data + "/t10k-images-idx3-ubyte.gz"))
    model = VAE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(1, a.epochs + 1):
        t0 = time.perf_counter()
        model.train()
        rec_sum = kl_sum = 0.0
        perm = torch.from_numpy(rng.permutation(len(train)))
        for i in range(0, len(train), a.batch):
            x = train[perm[i:i + a.batch]]
            opt.zero_grad()
            rec, kl = terms(model, x)
            (rec + kl).backward()
            opt.step()
            rec_sum += rec.item()
            kl_sum += kl.item()
        seconds = time.perf_counter() - t0
        model.eval()
        trec = tkl = 0.0
        with torch.no_grad():
            for i in range(0, len(test), 500):
                rec, kl = terms(model, test[i:i + 500])
                trec += rec.item()
                tkl += kl.item()
        print(json.dumps({"impl": "pytorch", "torch": torch.__version__, "epoch": epoch, "seconds": seconds,
                          "train": (rec_sum + kl_sum) / len(train), "test": (trec + tkl) / len(test),
                          "testRec": trec / len(test), "testKl": tkl / len(test)}), flush=True)


if __name__ == "__main__":
    main()
