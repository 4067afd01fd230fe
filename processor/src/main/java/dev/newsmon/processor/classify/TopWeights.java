package dev.newsmon.processor.classify;

/**
 * The k heaviest of a stream of weighted items, heaviest first and in arrival order among equals: what a
 * stable sort by weight and a cut to k would keep, without building and sorting them all.
 */
final class TopWeights {
    private final double[] weight;
    private final int[] item;
    private int size;

    TopWeights(int k) {
        weight = new double[k];
        item = new int[k];
    }

    void clear() {
        size = 0;
    }

    void offer(double w, int it) {
        int i;
        if (size < weight.length) {
            i = size++;
        } else if (w > weight[size - 1]) {
            i = size - 1; // the lightest, and the latest among equally light ones, drops out
        } else {
            return;
        }
        while (i > 0 && weight[i - 1] < w) {
            weight[i] = weight[i - 1];
            item[i] = item[i - 1];
            i--;
        }
        weight[i] = w;
        item[i] = it;
    }

    int size() {
        return size;
    }

    double weight(int rank) {
        return weight[rank];
    }

    int item(int rank) {
        return item[rank];
    }
}
