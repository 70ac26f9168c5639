// Which Microsoft Advertising environment a server plays: it decides the OAuth scopes, the token
// prefixes and the developer token rules. Shared by every layer, so it lives with the contract.
export type Environment = 'sandbox' | 'production';
