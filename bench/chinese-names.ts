import type { Prng } from './prng.js';

// Characters common in Sichuan and western place names; pairs of them read like real names.
const placeFirst = [...'青德正然热洞沙贡白马金龙石桥河坝山岭坪溪林松柏花水云安平和兴新民丰乐太阳东西南中上下大长红黄柳杨桃泽雪草茶盐铜铁高宝福寿仁义'];
const placeSecond = [...'坝沟坪岭口湾溪桥林塘河山庄寨台源峰乐安平兴和丰宁川江场堡岗岩营寺谷田园村'];
const surnames = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const givenChars = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红春林建国文辉成志海兵波俊宇鹏飞斌琴云燕梅琳雪荣'];
// Tibetan given names, common in the west of Sichuan (甘孜, 阿坝).
const tibetanNames = ['扎西', '次仁', '格桑', '泽仁', '洛绒', '降措', '尼玛', '达瓦', '拉姆', '卓玛', '曲批', '登珠', '呷绒', '益西', '多吉', '央金'];
const departments: readonly (readonly [string, string])[] = [
  ['交通运输局', '局长'], ['教育和体育局', '局长'], ['卫生健康局', '局长'], ['水务局', '局长'],
  ['农业农村局', '局长'], ['财政局', '局长'], ['发展和改革局', '局长'], ['住房和城乡建设局', '局长'],
  ['人力资源和社会保障局', '局长'], ['民政局', '局长'], ['自然资源局', '局长'], ['文化广播电视和旅游局', '局长'],
  ['商务局', '局长'], ['林业和草原局', '局长'], ['应急管理局', '局长'], ['生态环境局', '局长'],
  ['市场监督管理局', '局长'], ['审计局', '局长'], ['统计局', '局长'], ['司法局', '局长'],
  ['委组织部', '部长'], ['委宣传部', '部长'], ['委统战部', '部长'], ['纪委监委', '书记'],
  ['人民医院', '院长'], ['人民法院', '院长'], ['人民检察院', '检察长'], ['供电公司', '经理'],
  ['农业银行支行', '行长'], ['农村信用联社', '理事长'], ['移动分公司', '经理'], ['邮政分公司', '经理'],
  ['扶贫开发局', '局长'], ['乡村振兴局', '局长'], ['民族宗教事务局', '局长'], ['经济信息化和科技局', '局长'],
];
const levels = ['县', '州', '省'];

/** Draws plausible Chinese names for places, officials and assisting units, unique where needed. */
export class NameGenerator {
  private readonly used = new Set<string>();

  constructor(private readonly prng: Prng) {}

  /** A place name (two characters + suffix), unique within `scope`. */
  place(scope: string, suffix: string): string {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const name = this.prng.pick(placeFirst) + this.prng.pick(placeSecond) + suffix;
      if (this.claim(scope, name)) return name;
    }
    // A huge scope can run out of pairs: a numbered name is still unique and readable.
    for (let n = 1; ; n += 1) {
      const name = `${this.prng.pick(placeFirst)}${this.prng.pick(placeSecond)}${n}${suffix}`;
      if (this.claim(scope, name)) return name;
    }
  }

  /** A person's name; Tibetan names are used at `tibetanShare`. */
  person(tibetanShare: number): string {
    if (this.prng.chance(tibetanShare)) {
      const first = this.prng.pick(tibetanNames);
      return this.prng.chance(0.5) ? first + this.prng.pick(tibetanNames) : first;
    }
    const given = this.prng.chance(0.6) ? this.prng.pick(givenChars) + this.prng.pick(givenChars) : this.prng.pick(givenChars);
    return this.prng.pick(surnames) + given;
  }

  /** A department name with its head's title, unique within `scope` (a county). */
  unit(scope: string, countyName: string): { name: string; title: string } {
    for (let attempt = 0; ; attempt += 1) {
      const [department, title] = this.prng.pick(departments);
      const level = attempt < 20 ? '县' : this.prng.pick(levels);
      const prefix = level === '县' ? countyName.replace(/县$/, '') + '县' : level;
      const name = attempt < 60 ? prefix + department : `${prefix}${department}第${attempt}工作队`;
      if (this.claim(scope, name)) return { name, title };
    }
  }

  private claim(scope: string, name: string): boolean {
    const key = `${scope}\u0000${name}`;
    if (this.used.has(key)) return false;
    this.used.add(key);
    return true;
  }
}
