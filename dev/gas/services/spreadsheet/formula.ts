// Sheets computes formulas; this runtime computes only plain arithmetic (=1+2*3) and
// reports '#NAME?' for anything that references names, cells or functions.

type Result = number | '#ERROR!' | '#NAME?' | '#DIV/0!';

class Parser {
  private pos = 0;
  constructor(private readonly tokens: string[]) {}

  parse(): number {
    const value = this.sum();
    if (this.pos !== this.tokens.length) throw new SyntaxError('trailing tokens');
    return value;
  }

  private peek(): string | undefined {
    return this.tokens[this.pos];
  }

  private sum(): number {
    let v = this.product();
    for (let op = this.peek(); op === '+' || op === '-'; op = this.peek()) {
      this.pos++;
      const rhs = this.product();
      v = op === '+' ? v + rhs : v - rhs;
    }
    return v;
  }

  private product(): number {
    let v = this.power();
    for (let op = this.peek(); op === '*' || op === '/'; op = this.peek()) {
      this.pos++;
      const rhs = this.power();
      v = op === '*' ? v * rhs : v / rhs;
    }
    return v;
  }

  private power(): number {
    let v = this.unary();
    while (this.peek() === '^') {
      this.pos++;
      v = v ** this.unary();
    }
    return v;
  }

  private unary(): number {
    const t = this.peek();
    if (t === '+' || t === '-') {
      this.pos++;
      const v = this.unary();
      return t === '-' ? -v : v;
    }
    if (t === '(') {
      this.pos++;
      const v = this.sum();
      if (this.peek() !== ')') throw new SyntaxError('missing )');
      this.pos++;
      return v;
    }
    if (t !== undefined && /^\d*\.?\d+$/.test(t)) {
      this.pos++;
      return Number(t);
    }
    throw new SyntaxError(`unexpected ${t}`);
  }
}

/** Value of a formula body (the text after '='). */
export function evaluateFormula(body: string): Result {
  if (/[A-Za-z_"!:$&<>=,;{}]/.test(body)) return /[A-Za-z]/.test(body) ? '#NAME?' : '#ERROR!';
  const tokens = body.match(/\d*\.?\d+|[-+*/^()]|\S/g) ?? [];
  try {
    const value = new Parser(tokens).parse();
    return Number.isFinite(value) ? value : '#DIV/0!';
  } catch {
    return '#ERROR!';
  }
}
