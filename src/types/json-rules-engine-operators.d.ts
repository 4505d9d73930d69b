// json-rules-engine ships its default operators as a module without declarations.
declare module 'json-rules-engine/dist/engine-default-operators.js' {
  interface DefaultOperator {
    name: string;
    evaluate(factValue: unknown, compareTo: unknown): boolean;
  }
  const operators: DefaultOperator[];
  export default operators;
}
