package io.clipsearch.index;

/**
 * Size figures of an index at one point in time.
 *
 * @param documents live documents (image files)
 * @param bytesOnDisk total size of the index files
 * @param format the vector format new segments are written in
 * @param space the embedding space of the vectors
 */
public record IndexStats(
    long documents, long bytesOnDisk, VectorFormat format, VectorSpace space) {}
