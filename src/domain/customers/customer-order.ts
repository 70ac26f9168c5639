// The orders customers are listed in: by id, name or number, names and numbers compared
// case-insensitively (the store's fold, on its folded columns, in code point order), ties broken
// by id so paging is stable. The store sorts and folds; this names the fields.

export type CustomerOrderField = 'Id' | 'Name' | 'Number';
