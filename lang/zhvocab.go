package lang

// zhVocabFreq is the frequency given to a curated word the jieba list
// lacks or lists rarer: high enough that the segmenter keeps the word
// whole rather than cutting it into common parts.
const zhVocabFreq = 300

// zhVocab lists the words of science-and-technology cooperation between
// China and Russia that the segmenter must keep whole: fields, programmes,
// institutions, facilities, places and people of the program. The general
// word list predates many of them (新冠, 区块链, 碳中和).
const zhVocab = `
中俄 俄中 中俄科技创新年 科技创新年 科技创新 创新合作 科技合作 国际合作 务实合作 合作项目 合作交流
交流活动 联合研究 联合实验室 联合声明 联合基金 联合资助 科研合作 学术交流 人才培养 人文交流
基础科学 基础研究 应用研究 应用科学 前沿科学 大科学 大科学装置 超大科学装置 重大科技基础设施
核能 核电 核电站 核电机组 核能合作 核燃料 核聚变 热核聚变 核物理 粒子物理 高能物理 对撞机 重离子
质子 中子 加速器 超导 同位素 快中子 反应堆 田湾核电站 徐大堡核电站 田湾 徐大堡 机组
航空 航天 航空航天 宇航 卫星 导航 北斗 格洛纳斯 运载火箭 空间站 月球 探月 深空探测 宽体客机
数字经济 数字化 数字技术 人工智能 大数据 云计算 区块链 物联网 互联网 信息技术 信息通信 通信技术
网络安全 数据安全 量子 量子计算 量子通信 超级计算机 半导体 芯片 集成电路 新材料 纳米 纳米材料
新能源 可再生能源 清洁能源 能源合作 风能 太阳能 氢能 储能 碳中和 碳达峰 碳排放 气候变化 油气 天然气
疫情 防控 疫情防控 新冠 新冠肺炎 新冠病毒 新型冠状病毒 冠状病毒 肺炎 疫苗 疫苗研发 药物研发 药物
检测 病毒 病毒学 流行病 流行病学 公共卫生 生物医药 生物技术 医疗卫生 临床试验 抗体 核酸
数学 数学中心 中俄数学中心 物理学 化学 生物学 地球科学 海洋 北极 极地 生态 环境保护 农业科技
大学 研究所 研究院 科学院 中国科学院 俄罗斯科学院 工程院 实验室 研究中心 创新中心 科技园 孵化器
莫斯科大学 莫斯科国立大学 罗蒙诺索夫 北京大学 清华大学 哈尔滨工业大学 圣彼得堡 新西伯利亚 杜布纳
联合核子研究所 远东研究所 远东 西伯利亚 黑龙江 同江 大桥 铁路桥
科学技术部 科技部 科学和高等教育部 教育部 国家自然科学基金委员会 自然科学基金 俄罗斯科学基金会
基金 基金会 资助 项目 申请 评审 专家 科学家 研究人员 学者 工程师 企业 高校 科研院所 创新型
成果 转化 成果转化 技术转移 知识产权 专利 标准 产业化 产业链 供应链 高新技术 高技术
开幕式 闭幕式 视频连线 视频会议 论坛 博览会 展览会 研讨会 峰会 贺信 致贺信 国事访问
新时代 全面战略协作伙伴关系 睦邻友好合作条约 中俄睦邻友好合作条约 元首 国家主席 总统 副总理 副校长
习近平 普京 孙春兰 张平文
`
