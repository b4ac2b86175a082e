package io.badgeflow.accessstream.offline;

import io.badgeflow.model.offline.AllowListDocument;

/** A document's bytes as served, with the signature over exactly them. Made once per door, version and start. */
record SignedAllowList(AllowListDocument.Kind kind, long version, byte[] body, AllowListSigner.Signature signature) {}
