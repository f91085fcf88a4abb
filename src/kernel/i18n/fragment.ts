// The types a catalog fragment is written with (the kernel's in messages/, each feature's in its own
// messages/). Apart from catalog.ts so that the kernel's fragments need not import the catalog that
// imports them.

/**
 * One fragment's keys, each with its owner and its English template. The owner makes a key claimed by
 * two fragments a compile error ("cannot simultaneously extend"), even when their English agrees.
 */
export type MessagesOf<Owner extends string, En> = {
  readonly [K in keyof En]: { readonly owner: Owner; readonly en: En[K] };
};

/** A fragment in another language: exactly the English keys (a missing or extra one does not compile). */
export type Translation<En> = { readonly [K in keyof En]: string };
